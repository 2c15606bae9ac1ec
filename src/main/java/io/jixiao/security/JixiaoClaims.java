package io.jixiao.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * How Keycloak's tokens say who someone is: realm roles (see {@link #realmRoles}), the units
 * they belong to or cover under {@code units}. Both become Spring authorities
 * ({@code ROLE_preparer}, {@code UNIT_xintian-jsx}) for access tokens and OIDC logins alike.
 */
final class JixiaoClaims {

  static final String UNITS = "units";
  static final String UNIT_AUTHORITY_PREFIX = "UNIT_";

  private JixiaoClaims() {}

  /**
   * Realm roles: {@code realm_access.roles} in access tokens; the ID token and userinfo carry
   * the same list as a flat {@code roles} claim (the realm's jixiao-api scope maps it).
   */
  static Set<String> realmRoles(Map<String, Object> claims) {
    Set<String> names = new LinkedHashSet<>();
    if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> roles) {
      roles.forEach(role -> names.add(String.valueOf(role)));
    }
    if (claims.get("roles") instanceof Collection<?> roles) {
      roles.forEach(role -> names.add(String.valueOf(role)));
    }
    return names;
  }

  static Set<String> units(Map<String, Object> claims) {
    Object value = claims.get(UNITS);
    Set<String> units = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(unit -> units.add(String.valueOf(unit)));
    } else if (value instanceof String single && !single.isBlank()) {
      units.add(single);
    }
    return units;
  }

  static List<GrantedAuthority> authorities(Map<String, Object> claims) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String name : realmRoles(claims)) {
      Role.ofRealmRole(name).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    for (String unit : units(claims)) {
      authorities.add(new SimpleGrantedAuthority(UNIT_AUTHORITY_PREFIX + unit));
    }
    return authorities;
  }
}
