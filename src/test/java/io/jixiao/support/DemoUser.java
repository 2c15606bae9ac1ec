package io.jixiao.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The realm's demo users (realm/jixiao-users-0.json): their roles and the units their token lists. */
public enum DemoUser {
  XINTIAN_PREPARER("xintian.preparer", "preparer", "xintian-jsx"),
  XINTIAN_HEAD("xintian.head", "unit-head", "xintian-jsx"),
  XINTIAN_BUREAU("xintian.bureau", "bureau-reviewer", "xintian-jsx", "xintian-fyjk"),
  XINTIAN_FINANCE("xintian.finance", "finance-reviewer", "xintian-jsx", "xintian-fyjk"),
  LINGLING_PREPARER("lingling.preparer", "preparer", "lingling-jsx"),
  LINGLING_HEAD("lingling.head", "unit-head", "lingling-jsx"),
  LINGLING_BUREAU("lingling.bureau", "bureau-reviewer", "lingling-jsx", "lingling-fyjk"),
  LINGLING_FINANCE("lingling.finance", "finance-reviewer", "lingling-jsx", "lingling-fyjk"),
  ADMIN("admin", "admin");

  public final String username;
  public final String role;
  public final List<String> units;

  DemoUser(String username, String role, String... units) {
    this.username = username;
    this.role = role;
    this.units = List.of(units);
  }

  public static DemoUser named(String username) {
    return Arrays.stream(values()).filter(u -> u.username.equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(username));
  }

  Map<String, Object> claims() {
    return Map.of("preferred_username", username, "realm_access", Map.of("roles", List.of(role)), "units", units);
  }
}
