package io.jixiao.security;

import java.util.Optional;

/** Realm roles (DOMAIN §7), as Keycloak names them. */
public enum Role {
  /** 填表人 */
  PREPARER("preparer"),
  /** 单位负责人 */
  UNIT_HEAD("unit-head"),
  /** 主管部门 */
  BUREAU_REVIEWER("bureau-reviewer"),
  /** 财政局 */
  FINANCE_REVIEWER("finance-reviewer"),
  ADMIN("admin");

  private final String realmRole;

  Role(String realmRole) {
    this.realmRole = realmRole;
  }

  public String realmRole() {
    return realmRole;
  }

  /** The Spring Security authority this role maps to. */
  public String authority() {
    return "ROLE_" + realmRole;
  }

  public static Optional<Role> ofRealmRole(String name) {
    for (Role role : values()) {
      if (role.realmRole.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
