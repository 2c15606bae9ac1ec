package io.jixiao.support;

import io.jixiao.security.Grant;
import io.jixiao.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A logged-in page session without a browser or Keycloak: a session in the app's session store
 * (Spring Session, in PostgreSQL) holding the authentication an OIDC login of that demo user leaves
 * there (the same authorities SecurityConfiguration's user service gives). For tests of the page
 * endpoints' input handling; the login itself is covered by the Keycloak and browser tests.
 */
public final class PageSession {

  /** Spring Session's cookie, carrying the plain session id. */
  public static final String COOKIE = "SESSION";

  private PageSession() {}

  /** The new session's id, for a {@link #COOKIE} cookie. */
  public static String of(ApplicationContext context, String username) {
    DemoUser user = DemoUser.named(username);
    return withGroups(context, username, user.role, user.grants());
  }

  /** As {@link #of(ApplicationContext, String)} for a made-up user holding {@code role} in each of {@code units} (admin: in all). */
  public static String of(ApplicationContext context, String username, String role, List<String> units) {
    return withGroups(context, username, role, "admin".equals(role) ? List.of()
        : units.stream().map(unit -> role + ":" + unit).toList());
  }

  /** A made-up user holding {@code role} through these grant groups ({@code finance-reviewer:region=x}, …). */
  @SuppressWarnings("unchecked")
  public static String withGroups(ApplicationContext context, String username, String role, List<String> groups) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    Role.ofRealmRole(role).ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(Grant.AUTHORITY_PREFIX + group)));
    Map<String, Object> claims = Map.of("sub", username, "iss", TestTokens.ISSUER, "preferred_username", username);
    OidcIdToken idToken = new OidcIdToken("test-id-token", Instant.now(), Instant.now().plusSeconds(3600), claims);
    DefaultOidcUser principal = new DefaultOidcUser(authorities, idToken, "preferred_username");
    var authentication = new OAuth2AuthenticationToken(principal, authorities, "keycloak");
    // The login's authorized client too: without one the session's token cannot be refreshed, and the
    // session ends at the first page (SessionRefreshFilter). Valid for an hour, so no refresh is due.
    ClientRegistration keycloak = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("keycloak");
    OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "test-access-token",
        Instant.now(), Instant.now().plusSeconds(3600));
    Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
    clients.put("keycloak", new OAuth2AuthorizedClient(keycloak, username, accessToken));
    SessionRepository<Session> sessions = context.getBean(SessionRepository.class);
    Session session = sessions.createSession();
    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(authentication));
    session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS", clients);
    sessions.save(session);
    return session.getId();
  }
}
