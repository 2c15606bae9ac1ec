package io.jixiao.security;

import java.util.Objects;
import java.util.Optional;

/**
 * What one grant group gives: a role in one unit ({@code finance-reviewer:xintian-jsx}), in every unit
 * a bureau supervises ({@code bureau-reviewer:bureau=xintian-wjj}) or in every unit of a region
 * ({@code finance-reviewer:region=xintian}). Tokens carry these names, one per group, so a region's
 * reviewer has a small token however many units the region has; the server resolves the wide ones
 * against the unit table ({@link UnitPlacements}) when it needs the units.
 */
public record Membership(Role role, Reach reach, String code) {

  /** How far a membership reaches. */
  public enum Reach {
    UNIT(""), BUREAU("bureau="), REGION("region=");

    final String prefix;

    Reach(String prefix) {
      this.prefix = prefix;
    }
  }

  public Membership {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reach, "reach");
    if (role == Role.ADMIN) {
      throw new IllegalArgumentException("admin is a realm role, not held per unit");
    }
    if (code == null || code.isBlank() || code.indexOf(':') >= 0 || code.indexOf('=') >= 0) {
      throw new IllegalArgumentException("bad code: " + code);
    }
  }

  public static Membership of(Grant grant) {
    return new Membership(grant.role(), Reach.UNIT, grant.unitCode());
  }

  /** A group's name → the membership it gives; anything else (another group's name) → empty. */
  public static Optional<Membership> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    int colon = name.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String scope = name.substring(colon + 1);
    for (Reach reach : new Reach[] {Reach.BUREAU, Reach.REGION}) {
      if (scope.startsWith(reach.prefix)) {
        String code = scope.substring(reach.prefix.length());
        if (code.isBlank() || code.indexOf(':') >= 0 || code.indexOf('=') >= 0) {
          return Optional.empty();
        }
        return Role.ofRealmRole(name.substring(0, colon)).filter(role -> role != Role.ADMIN)
            .map(role -> new Membership(role, reach, code));
      }
    }
    return Grant.parse(name).map(Membership::of);
  }

  /** The grant of a one-unit membership; empty for a bureau's or region's. */
  public Optional<Grant> grant() {
    return reach == Reach.UNIT ? Optional.of(new Grant(role, code)) : Optional.empty();
  }

  public String authority() {
    return Grant.AUTHORITY_PREFIX + this;
  }

  @Override
  public String toString() {
    return role.realmRole() + ":" + reach.prefix + code;
  }
}
