package io.jixiao.security;

import io.jixiao.unit.UnitScope;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, from the validated token or login session on the server — never from the
 * request body. Administrators see every unit; everyone else the units their token lists.
 */
@Component
public class CurrentUser {

  public String username() {
    return authentication().getName();
  }

  public Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority authority : authentication().getAuthorities()) {
      for (Role role : Role.values()) {
        if (role.authority().equals(authority.getAuthority())) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  public boolean has(Role role) {
    return roles().contains(role);
  }

  /** The units the caller belongs to or covers, sorted. */
  public Set<String> units() {
    Set<String> units = new TreeSet<>();
    for (GrantedAuthority authority : authentication().getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(JixiaoClaims.UNIT_AUTHORITY_PREFIX)) {
        units.add(name.substring(JixiaoClaims.UNIT_AUTHORITY_PREFIX.length()));
      }
    }
    return units;
  }

  /** TEMPORARY until membership grants land: the caller's roles, in each of their units. */
  public Set<Grant> grants() {
    Set<Grant> grants = new java.util.LinkedHashSet<>();
    for (Role role : roles()) {
      for (String unit : units()) {
        grants.add(new Grant(role, unit));
      }
    }
    return grants;
  }

  /** TEMPORARY until membership grants land. */
  public Set<Role> rolesIn(String unitCode) {
    if (has(Role.ADMIN) || units().contains(unitCode)) {
      return roles();
    }
    return EnumSet.noneOf(Role.class);
  }

  public UnitScope unitScope() {
    return has(Role.ADMIN) ? UnitScope.ALL : UnitScope.of(units());
  }

  private static Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
    }
    return authentication;
  }
}
