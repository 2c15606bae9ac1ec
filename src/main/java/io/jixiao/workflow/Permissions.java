package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import java.util.Set;

/**
 * DOMAIN §7 as a function of role × stage × action; the unit is checked separately (another
 * unit's package is not found at all). The BPMN's candidate groups follow the same rule: each
 * stage's task belongs to {@link Stage#actor()}.
 */
public final class Permissions {

  private Permissions() {}

  public static boolean allows(Set<Role> roles, Stage stage, Action action) {
    return roles.stream().anyMatch(role -> allows(role, stage, action));
  }

  /** Who may open a package for a unit, or start a correction of a published one: its preparer, or an administrator. */
  public static boolean mayOpen(Set<Role> rolesInUnit) {
    return rolesInUnit.contains(Role.PREPARER) || rolesInUnit.contains(Role.ADMIN);
  }

  public static boolean allows(Role role, Stage stage, Action action) {
    if (action == Action.READ) {
      return true;
    }
    if (action == Action.REASSIGN) {
      return role == Role.ADMIN && stage != Stage.PUBLISHED;
    }
    if (stage.actor() != role) {
      return false;
    }
    return switch (stage) {
      case DRAFT -> action == Action.EDIT || action == Action.SUBMIT || action == Action.CLAIM;
      case UNIT_SIGN -> action == Action.SIGN || action == Action.RETURN || action == Action.CLAIM;
      case BUREAU_GUIDANCE -> action == Action.COMMENT || action == Action.APPROVE || action == Action.RETURN
          || action == Action.CLAIM;
      case FINANCE_REVIEW -> action == Action.SCORE || action == Action.COMMENT || action == Action.APPROVE
          || action == Action.RETURN || action == Action.CLAIM;
      case DISCLOSURE -> action == Action.PUBLISH || action == Action.RETURN || action == Action.CLAIM;
      case PUBLISHED -> false;
    };
  }
}
