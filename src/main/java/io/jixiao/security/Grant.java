package io.jixiao.security;

import java.util.Objects;
import java.util.Optional;

/**
 * A role held in one unit — what one membership gives (DOMAIN §7). Written {@code role:unitCode},
 * e.g. {@code preparer:xintian-jsx}, as Keycloak's grant groups are named and the BPMN's candidate
 * groups read. The administrator's role is no grant: it is a realm role valid in every unit.
 */
public record Grant(Role role, String unitCode) {

  /** The prefix of a grant's Spring authority: {@code GRANT_preparer:xintian-jsx}. */
  public static final String AUTHORITY_PREFIX = "GRANT_";

  public Grant {
    Objects.requireNonNull(role, "role");
    if (role == Role.ADMIN) {
      throw new IllegalArgumentException("admin is a realm role, not held per unit");
    }
    if (unitCode == null || unitCode.isBlank() || unitCode.indexOf(':') >= 0 || unitCode.indexOf('=') >= 0) {
      throw new IllegalArgumentException("bad unit code: " + unitCode);
    }
  }

  /** {@code preparer:xintian-jsx} → the grant; anything else (another group's name, {@code admin:x}) → empty. */
  public static Optional<Grant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      return Optional.empty();
    }
    String unit = text.substring(colon + 1);
    if (unit.isBlank() || unit.indexOf('=') >= 0) {
      return Optional.empty(); // blank, or a bureau's or region's membership (Membership)
    }
    return Role.ofRealmRole(text.substring(0, colon)).filter(role -> role != Role.ADMIN)
        .map(role -> new Grant(role, unit));
  }

  public String authority() {
    return AUTHORITY_PREFIX + this;
  }

  @Override
  public String toString() {
    return role.realmRole() + ":" + unitCode;
  }
}
