package io.jixiao.support;

import io.jixiao.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A logged-in page session without a browser or Keycloak: a session in the running Tomcat holding
 * the authentication an OIDC login of that demo user leaves there (same authorities as
 * SecurityConfiguration's user service gives). For tests of the page endpoints' input handling;
 * the login itself is covered by the Keycloak and browser tests.
 */
public final class PageSession {

  private PageSession() {}

  /** The new session's id, for a {@code JSESSIONID} cookie. */
  public static String of(WebServerApplicationContext context, String username) {
    DemoUser user = DemoUser.named(username);
    List<GrantedAuthority> authorities = new ArrayList<>();
    Role.ofRealmRole(user.role).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    user.units.forEach(unit -> authorities.add(new SimpleGrantedAuthority("UNIT_" + unit)));
    Map<String, Object> claims = Map.of("sub", username, "iss", TestTokens.ISSUER, "preferred_username", username);
    OidcIdToken idToken = new OidcIdToken("test-id-token", Instant.now(), Instant.now().plusSeconds(3600), claims);
    DefaultOidcUser principal = new DefaultOidcUser(authorities, idToken, "preferred_username");
    var authentication = new OAuth2AuthenticationToken(principal, authorities, "keycloak");
    Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
    try {
      Session session = tomcat.getManager().createSession(null);
      session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
          new SecurityContextImpl(authentication));
      return session.getId();
    } catch (RuntimeException e) {
      throw new IllegalStateException("no session in the embedded Tomcat", e);
    }
  }
}
