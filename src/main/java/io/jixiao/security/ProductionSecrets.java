package io.jixiao.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code prod} profile the app refuses to start with no {@code jixiao-web} client secret or
 * with the dev one that ships in scripts, tests and the README: anyone could log in as the app.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionSecrets {

  static final String DEV_WEB_CLIENT_SECRET = "jixiao-web-secret";

  ProductionSecrets(@Value("${spring.security.oauth2.client.registration.keycloak.client-secret:}") String webClientSecret) {
    if (webClientSecret.isBlank() || webClientSecret.strip().equals(DEV_WEB_CLIENT_SECRET)) {
      throw new IllegalStateException("Refusing to start in the prod profile: JIXIAO_WEB_CLIENT_SECRET is "
          + (webClientSecret.isBlank() ? "unset" : "the dev secret '" + DEV_WEB_CLIENT_SECRET + "'")
          + ". Set it to the jixiao-web client's secret in Keycloak (scripts/make-env.sh generates one).");
    }
  }
}
