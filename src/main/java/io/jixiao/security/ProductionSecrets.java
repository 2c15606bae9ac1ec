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
  static final String DEV_DIRECTORY_CLIENT_SECRET = "jixiao-directory-secret";

  ProductionSecrets(
      @Value("${spring.security.oauth2.client.registration.keycloak.client-secret:}") String webClientSecret,
      @Value("${spring.security.oauth2.client.registration.keycloak-directory.client-secret:}") String directorySecret) {
    refuseDev("JIXIAO_WEB_CLIENT_SECRET", "jixiao-web", webClientSecret, DEV_WEB_CLIENT_SECRET);
    refuseDev("JIXIAO_DIRECTORY_CLIENT_SECRET", "jixiao-directory", directorySecret, DEV_DIRECTORY_CLIENT_SECRET);
  }

  private static void refuseDev(String variable, String client, String secret, String devSecret) {
    if (secret.isBlank() || secret.strip().equals(devSecret)) {
      throw new IllegalStateException("Refusing to start in the prod profile: " + variable + " is "
          + (secret.isBlank() ? "unset" : "the dev secret '" + devSecret + "'")
          + ". Set it to the " + client + " client's secret in Keycloak (scripts/make-env.sh generates one).");
    }
  }
}
