package io.jixiao.security;

import java.util.Optional;
import java.util.Set;

/**
 * Where units sit — their region and supervising bureau — as the unit table says, for resolving a
 * bureau's or region's membership to units on the server. Implemented by the unit module, cached
 * briefly there: a unit added to a region is in its reviewers' scope within that time.
 */
public interface UnitPlacements {

  record Placement(String regionCode, String bureauCode) {}

  /** The region and bureau of a unit; empty for an unknown unit. */
  Optional<Placement> of(String unitCode);

  /** The codes of the units a bureau supervises ({@link Membership.Reach#BUREAU}) or a region has; the unit itself for UNIT. */
  Set<String> unitsOf(Membership.Reach reach, String code);

  /** Whether the membership reaches the unit. */
  default boolean reaches(Membership membership, String unitCode) {
    return switch (membership.reach()) {
      case UNIT -> membership.code().equals(unitCode);
      case BUREAU -> of(unitCode).map(p -> membership.code().equals(p.bureauCode())).orElse(false);
      case REGION -> of(unitCode).map(p -> membership.code().equals(p.regionCode())).orElse(false);
    };
  }
}
