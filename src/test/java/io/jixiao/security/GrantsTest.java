package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.support.DemoUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Role × unit pairs: a role holds only in the units of the grant that gives it. */
class GrantsTest {

  /** The demo reference data's placements (db/demo), as the unit table holds them. */
  static final UnitPlacements DEMO_PLACEMENTS = new UnitPlacements() {
    final Map<String, Placement> units = Map.of(
        "xintian-jsx", new Placement("xintian", "xintian-wjj"), "xintian-fyjk", new Placement("xintian", "xintian-wjj"),
        "lingling-jsx", new Placement("lingling", "lingling-wjj"), "lingling-fyjk", new Placement("lingling", "lingling-wjj"),
        "gaocheng-jsx", new Placement("gaocheng", "gaocheng-wjj"), "qiannan-jsx", new Placement("qiannan", "qiannan-wjj"));

    @Override
    public java.util.Optional<Placement> of(String unitCode) {
      return java.util.Optional.ofNullable(unitCode == null ? null : units.get(unitCode));
    }

    @Override
    public Set<String> unitsOf(Membership.Reach reach, String code) {
      return switch (reach) {
        case UNIT -> Set.of(code);
        case BUREAU -> Set.copyOf(units.keySet().stream().filter(u -> units.get(u).bureauCode().equals(code)).toList());
        case REGION -> Set.copyOf(units.keySet().stream().filter(u -> units.get(u).regionCode().equals(code)).toList());
      };
    }
  };

  final CurrentUser user = new CurrentUser(DEMO_PLACEMENTS);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  /** Signs in with claims mapped exactly as the API chain maps a token. */
  static void signIn(Map<String, Object> claims) {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt,
        JixiaoClaims.authorities(claims), String.valueOf(claims.get("preferred_username"))));
  }

  @Test
  void grantsReadAndWriteTheCandidateGroupNotation() {
    assertThat(Grant.parse("preparer:xintian-jsx")).contains(new Grant(Role.PREPARER, "xintian-jsx"));
    assertThat(Grant.parse("bureau-reviewer:lingling-fyjk")).contains(new Grant(Role.BUREAU_REVIEWER, "lingling-fyjk"));
    assertThat(new Grant(Role.UNIT_HEAD, "xintian-jsx")).hasToString("unit-head:xintian-jsx");
    assertThat(new Grant(Role.UNIT_HEAD, "xintian-jsx").authority()).isEqualTo("GRANT_unit-head:xintian-jsx");
    assertThatThrownBy(() -> new Grant(Role.ADMIN, "xintian-jsx")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bureauAndRegionGroupsNameOneMembershipEach() {
    assertThat(Membership.parse("finance-reviewer:region=xintian"))
        .contains(new Membership(Role.FINANCE_REVIEWER, Membership.Reach.REGION, "xintian"));
    assertThat(Membership.parse("bureau-reviewer:bureau=xintian-wjj"))
        .contains(new Membership(Role.BUREAU_REVIEWER, Membership.Reach.BUREAU, "xintian-wjj"));
    assertThat(Membership.parse("preparer:xintian-jsx"))
        .contains(new Membership(Role.PREPARER, Membership.Reach.UNIT, "xintian-jsx"));
    assertThat(new Membership(Role.FINANCE_REVIEWER, Membership.Reach.REGION, "xintian"))
        .hasToString("finance-reviewer:region=xintian");
    assertThat(Grant.parse("finance-reviewer:region=xintian")).as("no unit grant").isEmpty();
  }

  @Test
  void aRegionsReviewerHoldsTheRoleInEveryUnitOfTheRegionOnly() {
    signIn(Map.of("preferred_username", "xintian.finance", "grants", List.of("finance-reviewer:region=xintian")));
    assertThat(user.rolesIn("xintian-jsx")).containsExactly(Role.FINANCE_REVIEWER);
    assertThat(user.rolesIn("xintian-fyjk")).containsExactly(Role.FINANCE_REVIEWER);
    assertThat(user.rolesIn("lingling-jsx")).isEmpty();
    assertThat(user.rolesIn("no-such-unit")).isEmpty();
    assertThat(user.grants()).containsExactlyInAnyOrder(
        new Grant(Role.FINANCE_REVIEWER, "xintian-jsx"), new Grant(Role.FINANCE_REVIEWER, "xintian-fyjk"));
    assertThat(user.units()).containsExactly("xintian-fyjk", "xintian-jsx");
    assertThat(user.unitScope().includes("lingling-fyjk")).isFalse();
    // The authority names the group, not its units: a session or token stays one name long.
    assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
        .extracting(a -> a.getAuthority())
        .containsExactlyInAnyOrder("ROLE_finance-reviewer", "GRANT_finance-reviewer:region=xintian");
  }

  @Test
  void aBureausReviewerHoldsTheRoleInTheUnitsItSupervises() {
    signIn(Map.of("preferred_username", "b", "grants", List.of("bureau-reviewer:bureau=lingling-wjj", "preparer:qiannan-jsx")));
    assertThat(user.rolesIn("lingling-fyjk")).containsExactly(Role.BUREAU_REVIEWER);
    assertThat(user.rolesIn("qiannan-jsx")).containsExactly(Role.PREPARER);
    assertThat(user.rolesIn("xintian-jsx")).isEmpty();
    assertThat(user.units()).containsExactly("lingling-fyjk", "lingling-jsx", "qiannan-jsx");
  }

  @ParameterizedTest
  @ValueSource(strings = {"preparer", "preparer:", ":xintian-jsx", "admin:xintian-jsx", "mayor:xintian-jsx",
      "preparer:a:b", "units", "Preparer:xintian-jsx", "preparer: ", "finance-reviewer:region=",
      "admin:region=xintian", "finance-reviewer:region=a=b", "finance-reviewer:county=xintian",
      "bureau-reviewer:bureau=a:b"})
  void namesThatAreNoGrantGiveNothing(String name) {
    assertThat(Grant.parse(name)).isEmpty();
    assertThat(Membership.parse(name)).isEmpty();
    signIn(Map.of("preferred_username", "someone", "grants", List.of(name)));
    assertThat(user.roles()).isEmpty();
    assertThat(user.grants()).isEmpty();
    assertThat(user.unitScope().includes("xintian-jsx")).isFalse();
  }

  @Test
  void twoRolesInTwoUnitsHoldEachOnlyInItsOwnUnit() {
    signIn(Map.of("preferred_username", DemoUser.DUAL, "grants", DemoUser.DUAL_GRANTS));
    assertThat(user.username()).isEqualTo("xintian.dual");
    assertThat(user.grants()).containsExactlyInAnyOrder(
        new Grant(Role.PREPARER, "xintian-fyjk"), new Grant(Role.BUREAU_REVIEWER, "xintian-jsx"));
    assertThat(user.rolesIn("xintian-fyjk")).containsExactly(Role.PREPARER);
    assertThat(user.rolesIn("xintian-jsx")).containsExactly(Role.BUREAU_REVIEWER);
    assertThat(user.rolesIn("lingling-jsx")).isEmpty();
    // The union, for pages and menus; the unit scope, for what they may see.
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.PREPARER, Role.BUREAU_REVIEWER);
    assertThat(user.has(Role.PREPARER)).isTrue();
    assertThat(user.has(Role.UNIT_HEAD)).isFalse();
    assertThat(user.units()).containsExactly("xintian-fyjk", "xintian-jsx");
    assertThat(user.unitScope().includes("xintian-jsx")).isTrue();
    assertThat(user.unitScope().includes("lingling-jsx")).isFalse();
    assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
        .extracting(a -> a.getAuthority())
        .containsExactlyInAnyOrder("ROLE_preparer", "ROLE_bureau-reviewer",
            "GRANT_preparer:xintian-fyjk", "GRANT_bureau-reviewer:xintian-jsx");
  }

  @Test
  void theAdministratorHoldsTheirRoleInEveryUnit() {
    signIn(DemoUser.ADMIN.claims());
    assertThat(user.rolesIn("xintian-jsx")).containsExactly(Role.ADMIN);
    assertThat(user.rolesIn("any-unit")).containsExactly(Role.ADMIN);
    assertThat(user.grants()).isEmpty();
    assertThat(user.unitScope()).isSameAs(UnitScope.ALL);
  }

  @Test
  void aRealmRoleWithoutItsUnitGrantsNothing() {
    // The old token shape: a role and a flat list of units. It must not give the role anywhere.
    signIn(Map.of("preferred_username", "old", "realm_access", Map.of("roles", List.of("preparer")),
        "units", List.of("xintian-jsx")));
    assertThat(user.roles()).isEmpty();
    assertThat(user.rolesIn("xintian-jsx")).isEmpty();
    assertThat(user.unitScope().includes("xintian-jsx")).isFalse();
  }

  @Test
  void runAsHoldsTheRoleInEachOfTheGivenUnits() {
    Set<Role> inFyjk = RunAs.call("x", Role.BUREAU_REVIEWER, List.of("xintian-jsx", "xintian-fyjk"),
        () -> user.rolesIn("xintian-fyjk"));
    assertThat(inFyjk).containsExactly(Role.BUREAU_REVIEWER);
    assertThat(RunAs.call("x", Role.PREPARER, List.of("xintian-jsx"), () -> user.rolesIn("xintian-fyjk"))).isEmpty();
    assertThat(RunAs.call("admin", Role.ADMIN, List.of(), () -> user.rolesIn("qiannan-jsx"))).containsExactly(Role.ADMIN);
    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }

  @Test
  void everyDemoUserHoldsExactlyTheirRoleInExactlyTheirUnits() {
    for (DemoUser demo : DemoUser.values()) {
      signIn(demo.claims());
      Role role = Role.ofRealmRole(demo.role).orElseThrow();
      for (String unit : List.of("xintian-jsx", "xintian-fyjk", "lingling-jsx", "lingling-fyjk", "gaocheng-jsx")) {
        assertThat(user.rolesIn(unit)).as("%s in %s", demo.username, unit)
            .isEqualTo(role == Role.ADMIN || demo.units.contains(unit) ? Set.of(role) : Set.of());
      }
    }
  }
}
