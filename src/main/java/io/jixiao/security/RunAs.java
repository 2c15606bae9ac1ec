package io.jixiao.security;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs code on the server as a given user, for work the application does on its own behalf (demo
 * data at start-up): the calling thread gets a security context holding the same kind of
 * authentication an API call with that user's access token would — a {@link JwtAuthenticationToken}
 * with {@code preferred_username} and {@code grants} ({@code role:unit} for each unit; the realm role
 * for an administrator), mapped to authorities exactly as {@link SecurityConfiguration} maps real
 * tokens — so the services check roles, units and stages as they do for every request. The
 * previous context is restored after.
 *
 * <p>The token is built in memory and never signed: it cannot be sent anywhere.
 */
public final class RunAs {

  private RunAs() {}

  /** Runs {@code action} as {@code username} holding {@code role} in each of {@code units} (admin: in all). */
  public static void run(String username, Role role, Collection<String> units, Runnable action) {
    call(username, role, units, () -> {
      action.run();
      return null;
    });
  }

  /** As {@link #run}, returning what {@code action} returns. */
  public static <T> T call(String username, Role role, Collection<String> units, Supplier<T> action) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication(username, role, units));
    SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      if (previous.getAuthentication() == null) {
        SecurityContextHolder.clearContext();
      } else {
        SecurityContextHolder.setContext(previous);
      }
    }
  }

  /** The authentication an access token for this user would give an API call. */
  public static JwtAuthenticationToken authentication(String username, Role role, Collection<String> units) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("preferred_username", username);
    if (role == Role.ADMIN) {
      claims.put("realm_access", Map.of("roles", List.of(role.realmRole())));
    } else {
      claims.put(JixiaoClaims.GRANTS, units.stream().map(unit -> new Grant(role, unit).toString()).toList());
    }
    Instant now = Instant.now();
    Jwt jwt = Jwt.withTokenValue("in-memory:" + username)
        .header("alg", "none")
        .subject(username)
        .issuedAt(now)
        .expiresAt(now.plusSeconds(300))
        .claims(c -> c.putAll(claims))
        .build();
    return new JwtAuthenticationToken(jwt, JixiaoClaims.authorities(jwt.getClaims()), username);
  }
}
