package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import io.jixiao.support.DemoUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test profile's directory: the demo users file Keycloak imports (realm/jixiao-users-0.json),
 * so that what tests find eligible is what a real Keycloak would answer (KeycloakIntegrationTest
 * asks the real one the same questions).
 */
@ApiTest
class UserDirectoryTest {

  static final List<String> UNITS = List.of("xintian-jsx", "xintian-fyjk", "lingling-jsx", "lingling-fyjk",
      "gaocheng-jsx", "qiannan-jsx");

  @Autowired UserDirectory directory;

  @Test
  void theTestProfileReadsTheRealmsUsersFile() {
    assertThat(directory).isInstanceOf(RealmFileUserDirectory.class);
  }

  @Test
  void eligibleAreTheHoldersOfThatRoleInThatUnit() {
    assertThat(directory.eligible(Role.PREPARER, "xintian-jsx")).containsExactly("xintian.preparer");
    assertThat(directory.eligible(Role.PREPARER, "xintian-fyjk")).containsExactly("xintian.dual");
    assertThat(directory.eligible(Role.BUREAU_REVIEWER, "xintian-jsx")).containsExactly("xintian.bureau", "xintian.dual");
    assertThat(directory.eligible(Role.BUREAU_REVIEWER, "xintian-fyjk")).containsExactly("xintian.bureau");
    assertThat(directory.eligible(Role.FINANCE_REVIEWER, "lingling-fyjk")).containsExactly("lingling.finance");
    assertThat(directory.eligible(Role.UNIT_HEAD, "qiannan-jsx")).isEmpty();
    assertThat(directory.eligible(Role.ADMIN, "qiannan-jsx")).containsExactly("admin");
    assertThat(directory.eligible(Role.PREPARER, "no-such-unit")).isEmpty();
  }

  @Test
  void emailAddressesComeFromTheDirectory() {
    assertThat(directory.email("xintian.preparer")).contains("xintian.preparer@jixiao.example.org");
    assertThat(directory.email("nobody")).isEmpty();
    assertThat(directory.email(null)).isEmpty();
  }

  @Test
  void mayHoldOnlyWhatTheirGrantsGive() {
    assertThat(directory.mayHold("xintian.preparer", Role.PREPARER, "xintian-jsx")).isTrue();
    assertThat(directory.mayHold("lingling.preparer", Role.PREPARER, "xintian-jsx")).as("another county's").isFalse();
    assertThat(directory.mayHold("xintian.head", Role.PREPARER, "xintian-jsx")).as("another role").isFalse();
    assertThat(directory.mayHold("xintian.dual", Role.PREPARER, "xintian-jsx")).as("a role of another unit").isFalse();
    assertThat(directory.mayHold("xintian.dual", Role.BUREAU_REVIEWER, "xintian-fyjk")).isFalse();
    assertThat(directory.mayHold("nobody", Role.PREPARER, "xintian-jsx")).as("unknown").isFalse();
    assertThat(directory.mayHold(null, Role.PREPARER, "xintian-jsx")).isFalse();
    assertThat(directory.mayHold("admin", Role.ADMIN, "lingling-jsx")).isTrue();
    assertThat(directory.mayHold("xintian.finance", Role.ADMIN, "xintian-jsx")).isFalse();
  }

  /** The test tokens (DemoUser) say what the file says: each demo user holds their role in their units only. */
  @Test
  void theDemoUsersOfTheTestTokensAreTheFilesUsers() {
    for (DemoUser user : DemoUser.values()) {
      Role role = Role.ofRealmRole(user.role).orElseThrow();
      for (String unit : UNITS) {
        for (Role other : Role.values()) {
          boolean expected = other == role && (role == Role.ADMIN || user.units.contains(unit));
          assertThat(directory.mayHold(user.username, other, unit)).as("%s as %s in %s", user.username, other, unit)
              .isEqualTo(expected);
        }
      }
    }
    for (String unit : UNITS) {
      for (Role role : Role.values()) {
        boolean expected = role != Role.ADMIN && DemoUser.DUAL_GRANTS.contains(role.realmRole() + ":" + unit);
        assertThat(directory.mayHold(DemoUser.DUAL, role, unit)).as("%s as %s in %s", DemoUser.DUAL, role, unit)
            .isEqualTo(expected);
      }
    }
  }
}
