package io.jixiao.security;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;

/**
 * Page sessions live in the database (Spring Session JDBC, db/migration V4) so every node serves
 * every browser; these beans make OIDC back-channel logout work with them on any node. Spring
 * Security picks up the single registry and logout-handler beans by type.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

  static final String SESSION_COOKIE = "SESSION";

  @Bean
  OidcSessionRegistry oidcSessionRegistry(JdbcClient jdbc) {
    return new JdbcOidcSessionRegistry(jdbc);
  }

  /**
   * The node that receives Keycloak's logout token ends each session by calling its own logout
   * endpoint with that session's cookie: Spring Session's cookie, not the container's JSESSIONID.
   */
  @Bean
  OidcBackChannelLogoutHandler oidcBackChannelLogoutHandler(OidcSessionRegistry registry) {
    OidcBackChannelLogoutHandler handler = new OidcBackChannelLogoutHandler(registry);
    handler.setSessionCookieName(SESSION_COOKIE);
    return handler;
  }

  /** The cookie carries the session id as it is (not Base64), the form the logout handler sends. */
  @Bean
  DefaultCookieSerializerCustomizer plainSessionCookie() {
    return serializer -> {
      serializer.setCookieName(SESSION_COOKIE);
      serializer.setUseBase64Encoding(false);
    };
  }
}
