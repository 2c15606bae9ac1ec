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
 * How Keycloak's tokens say who someone is. {@code grants}: the names of the user's grant groups
 * ({@code preparer:xintian-jsx}, the realm's "grants" group-membership mapper), one role in one
 * unit, one bureau's units ({@code bureau-reviewer:bureau=xintian-wjj}) or one region's
 * ({@code finance-reviewer:region=xintian}) each (Membership): one name per group, so the token
 * stays small however many units a region has. The realm role {@code admin} (every unit). Other realm roles grant nothing: a role
 * without its unit would hold in every unit. Both become Spring authorities — {@code ROLE_x} for
 * each role held anywhere (pages use hasRole), {@code GRANT_role:scope} per grant group — for access
 * tokens and OIDC logins alike.
 */
final class JixiaoClaims {

  static final String GRANTS = "grants";

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

  /** The grant groups a token lists (unit, bureau or region); names that are no grant (other groups) are left out. */
  static Set<Membership> memberships(Map<String, Object> claims) {
    Set<Membership> memberships = new LinkedHashSet<>();
    Object value = claims.get(GRANTS);
    if (value instanceof Collection<?> list) {
      list.forEach(name -> Membership.parse(String.valueOf(name)).ifPresent(memberships::add));
    } else if (value instanceof String single) {
      Membership.parse(single).ifPresent(memberships::add);
    }
    return memberships;
  }

  static List<GrantedAuthority> authorities(Map<String, Object> claims) {
    return authorities(realmRoles(claims).contains(Role.ADMIN.realmRole()), memberships(claims));
  }

  static List<GrantedAuthority> authorities(boolean admin, Collection<Membership> grants) {
    Set<String> names = new LinkedHashSet<>();
    if (admin) {
      names.add(Role.ADMIN.authority());
    }
    grants.forEach(grant -> names.add(grant.role().authority()));
    grants.forEach(grant -> names.add(grant.authority()));
    List<GrantedAuthority> authorities = new ArrayList<>();
    names.forEach(name -> authorities.add(new SimpleGrantedAuthority(name)));
    return authorities;
  }
}
