package io.jixiao.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, from the validated token or login session on the server — never from the
 * request body. A role holds only in the units of the grant that gives it ({@link #rolesIn});
 * administrators hold theirs in every unit and see every unit.
 */
@Component
public class CurrentUser {

  private final UnitPlacements placements;

  public CurrentUser(UnitPlacements placements) {
    this.placements = placements;
  }

  public String username() {
    return authentication().getName();
  }

  /** Every role the caller holds somewhere: the union over their grants, and admin. */
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

  /** The caller's grant groups as their token names them: a role in a unit, a bureau's units or a region's. */
  public Set<Membership> memberships() {
    Set<Membership> memberships = new LinkedHashSet<>();
    for (GrantedAuthority authority : authentication().getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(Grant.AUTHORITY_PREFIX)) {
        Membership.parse(name.substring(Grant.AUTHORITY_PREFIX.length())).ifPresent(memberships::add);
      }
    }
    return Collections.unmodifiableSet(memberships);
  }

  /**
   * Which role in which unit: one per unit membership, one per unit of a bureau's or region's
   * (resolved on the server); none for an administrator without other grants.
   */
  public Set<Grant> grants() {
    Set<Grant> grants = new LinkedHashSet<>();
    for (Membership membership : memberships()) {
      if (membership.reach() == Membership.Reach.UNIT) {
        grants.add(new Grant(membership.role(), membership.code()));
      } else {
        placements.unitsOf(membership.reach(), membership.code())
            .forEach(unit -> grants.add(new Grant(membership.role(), unit)));
      }
    }
    return Collections.unmodifiableSet(grants);
  }

  /** The roles the caller holds in this unit: those of their memberships that reach it, and admin everywhere. */
  public Set<Role> rolesIn(String unitCode) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Membership membership : memberships()) {
      if (placements.reaches(membership, unitCode)) {
        roles.add(membership.role());
      }
    }
    if (has(Role.ADMIN)) {
      roles.add(Role.ADMIN);
    }
    return roles;
  }

  /** The units of the caller's grants, sorted. */
  public Set<String> units() {
    Set<String> units = new TreeSet<>();
    grants().forEach(grant -> units.add(grant.unitCode()));
    return units;
  }

  /** What the caller may see: the units of their grants; everything for an administrator. */
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
