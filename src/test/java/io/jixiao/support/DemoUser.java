package io.jixiao.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The realm's demo users with one role (realm/jixiao-users-0.json): their role, the units they
 * hold it in, and the grant groups their tokens name — one per unit, or one bureau's or region's
 * group (the reviewers) that the server resolves to those units. {@link #DUAL} holds two roles in different units and is no member
 * of this list, whose users each act in one role.
 */
public enum DemoUser {
  XINTIAN_PREPARER("xintian.preparer", "preparer", "xintian-jsx"),
  XINTIAN_HEAD("xintian.head", "unit-head", "xintian-jsx"),
  XINTIAN_BUREAU("xintian.bureau", "bureau-reviewer", "bureau-reviewer:bureau=xintian-wjj", List.of("xintian-jsx", "xintian-fyjk")),
  XINTIAN_FINANCE("xintian.finance", "finance-reviewer", "finance-reviewer:region=xintian", List.of("xintian-jsx", "xintian-fyjk")),
  LINGLING_PREPARER("lingling.preparer", "preparer", "lingling-jsx"),
  LINGLING_HEAD("lingling.head", "unit-head", "lingling-jsx"),
  LINGLING_BUREAU("lingling.bureau", "bureau-reviewer", "bureau-reviewer:bureau=lingling-wjj", List.of("lingling-jsx", "lingling-fyjk")),
  LINGLING_FINANCE("lingling.finance", "finance-reviewer", "finance-reviewer:region=lingling", List.of("lingling-jsx", "lingling-fyjk")),
  ADMIN("admin", "admin");

  /** The demo user with two roles: preparer of xintian-fyjk, bureau reviewer of xintian-jsx. */
  public static final String DUAL = "xintian.dual";
  public static final List<String> DUAL_GRANTS = List.of("preparer:xintian-fyjk", "bureau-reviewer:xintian-jsx");

  public final String username;
  public final String role;
  public final List<String> units;
  private final List<String> groups;

  DemoUser(String username, String role, String... units) {
    this.username = username;
    this.role = role;
    this.units = List.of(units);
    this.groups = this.units.stream().map(unit -> role + ":" + unit).toList();
  }

  /** A reviewer whose one group reaches {@code units} through their bureau or region. */
  DemoUser(String username, String role, String group, List<String> units) {
    this.username = username;
    this.role = role;
    this.units = units;
    this.groups = List.of(group);
  }

  public static DemoUser named(String username) {
    return Arrays.stream(values()).filter(u -> u.username.equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(username));
  }

  /** The grant groups the token names: {@code role:unit} per unit, or one bureau's or region's; none for the administrator. */
  public List<String> grants() {
    return groups;
  }

  public Map<String, Object> claims() {
    return "admin".equals(role) ? claims(username, role, units)
        : Map.of("preferred_username", username, "grants", groups);
  }

  /** The claims Keycloak's token for such a user carries: grants, or the realm role admin. */
  static Map<String, Object> claims(String username, String role, List<String> units) {
    return "admin".equals(role)
        ? Map.of("preferred_username", username, "realm_access", Map.of("roles", List.of(role)))
        : Map.of("preferred_username", username, "grants", units.stream().map(unit -> role + ":" + unit).toList());
  }
}
