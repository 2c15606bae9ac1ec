package io.jixiao.demo;

import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.unit.Unit;
import java.util.List;
import java.util.function.Supplier;

/** The people the demo packages are made by: the realm's demo users, and stand-ins for units the realm has none for. */
final class DemoActors {

  private DemoActors() {}

  /** Who acts: a username with one realm role and the units their token lists (none for the administrator). */
  record Actor(String username, Role role, List<String> units) {

    <T> T call(Supplier<T> action) {
      return RunAs.call(username, role, units, action);
    }

    void run(Runnable action) {
      RunAs.run(username, role, units, action);
    }
  }

  /** The realm's demo users (realm/jixiao-users-0.json). */
  static final List<Actor> REALM_USERS = List.of(
      new Actor("xintian.preparer", Role.PREPARER, List.of("xintian-jsx")),
      new Actor("xintian.head", Role.UNIT_HEAD, List.of("xintian-jsx")),
      new Actor("xintian.bureau", Role.BUREAU_REVIEWER, List.of("xintian-jsx", "xintian-fyjk")),
      new Actor("xintian.finance", Role.FINANCE_REVIEWER, List.of("xintian-jsx", "xintian-fyjk")),
      new Actor("lingling.preparer", Role.PREPARER, List.of("lingling-jsx")),
      new Actor("lingling.head", Role.UNIT_HEAD, List.of("lingling-jsx")),
      new Actor("lingling.bureau", Role.BUREAU_REVIEWER, List.of("lingling-jsx", "lingling-fyjk")),
      new Actor("lingling.finance", Role.FINANCE_REVIEWER, List.of("lingling-jsx", "lingling-fyjk")),
      new Actor("gaocheng.preparer", Role.PREPARER, List.of("gaocheng-jsx")),
      new Actor("qiannan.preparer", Role.PREPARER, List.of("qiannan-jsx")),
      new Actor("admin", Role.ADMIN, List.of()));

  static final Actor ADMIN = REALM_USERS.get(REALM_USERS.size() - 1);

  /**
   * The realm user with this role for the unit, or a stand-in where the realm has none: the unit's
   * own {@code <unit>.preparer} / {@code .head}, the region's {@code <region>.bureau} / {@code .finance}.
   */
  static Actor actor(Role role, Unit unit, java.util.Collection<Unit> all) {
    if (role == Role.ADMIN) {
      return ADMIN;
    }
    for (Actor user : REALM_USERS) {
      if (user.role() == role && user.units().contains(unit.code())) {
        return user;
      }
    }
    return switch (role) {
      case PREPARER -> new Actor(unit.code() + ".preparer", role, List.of(unit.code()));
      case UNIT_HEAD -> new Actor(unit.code() + ".head", role, List.of(unit.code()));
      default -> new Actor(unit.regionCode() + (role == Role.BUREAU_REVIEWER ? ".bureau" : ".finance"), role,
          all.stream().filter(u -> u.regionCode().equals(unit.regionCode())).map(Unit::code).toList());
    };
  }
}
