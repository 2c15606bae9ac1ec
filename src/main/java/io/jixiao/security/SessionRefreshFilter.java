package io.jixiao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a page session in step with Keycloak. On every page request the session's access token is
 * refreshed once it is (nearly) expired; Keycloak's new ID token then replaces the session's user
 * and authorities (Spring Security's {@code OidcAuthorizedClientRefreshedEventListener}, through
 * our OIDC user service), so grants given or taken in Keycloak reach the pages within one token
 * lifetime. When Keycloak refuses the refresh (user disabled, session ended) the session ends here
 * and the request goes on unauthenticated, i.e. to the login.
 */
final class SessionRefreshFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SessionRefreshFilter.class);

  private final OAuth2AuthorizedClientManager clients;
  private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

  SessionRefreshFilter(OAuth2AuthorizedClientManager clients) {
    this.clients = clients;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login) {
      OAuth2AuthorizedClient client;
      try {
        client = clients.authorize(OAuth2AuthorizeRequest
            .withClientRegistrationId(login.getAuthorizedClientRegistrationId())
            .principal(login)
            .attribute(HttpServletRequest.class.getName(), request)
            .attribute(HttpServletResponse.class.getName(), response)
            .build());
      } catch (OAuth2AuthorizationException | AuthenticationException e) {
        log.info("Page session of {} ended: Keycloak refused the token refresh ({})", login.getName(), e.getMessage());
        client = null;
      }
      if (client == null) {
        logout.logout(request, response, login);
      }
    }
    chain.doFilter(request, response);
  }
}
