package io.jixiao.workflow;

import io.jixiao.report.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.security.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DOMAIN §7 written out by hand, cell by cell, against {@link Permissions}: 5 roles × 6 stages × 11
 * actions = 330 answers. The table is the specification; if it and the code disagree, one of them is wrong.
 */
class PermissionsTest {

  /** Everything anyone may do other than READ (which everyone may, at every stage). */
  static final Set<String> ALLOWED = Set.of(
      // 填报: the unit's preparer edits, submits, claims the task.
      "PREPARER/DRAFT/EDIT", "PREPARER/DRAFT/SUBMIT", "PREPARER/DRAFT/CLAIM",
      // 单位负责人签字: the unit head signs or returns.
      "UNIT_HEAD/UNIT_SIGN/SIGN", "UNIT_HEAD/UNIT_SIGN/RETURN", "UNIT_HEAD/UNIT_SIGN/CLAIM",
      // 主管部门审核指导: the bureau comments, passes on or returns.
      "BUREAU_REVIEWER/BUREAU_GUIDANCE/COMMENT", "BUREAU_REVIEWER/BUREAU_GUIDANCE/APPROVE",
      "BUREAU_REVIEWER/BUREAU_GUIDANCE/RETURN", "BUREAU_REVIEWER/BUREAU_GUIDANCE/CLAIM",
      // 财政复核: finance scores, comments, approves or returns.
      "FINANCE_REVIEWER/FINANCE_REVIEW/SCORE", "FINANCE_REVIEWER/FINANCE_REVIEW/COMMENT",
      "FINANCE_REVIEWER/FINANCE_REVIEW/APPROVE", "FINANCE_REVIEWER/FINANCE_REVIEW/RETURN",
      "FINANCE_REVIEWER/FINANCE_REVIEW/CLAIM",
      // 公开: the administrator publishes or returns.
      "ADMIN/DISCLOSURE/PUBLISH", "ADMIN/DISCLOSURE/RETURN", "ADMIN/DISCLOSURE/CLAIM",
      // The administrator reassigns the task of any open stage (never content: no EDIT anywhere).
      "ADMIN/DRAFT/REASSIGN", "ADMIN/UNIT_SIGN/REASSIGN", "ADMIN/BUREAU_GUIDANCE/REASSIGN",
      "ADMIN/FINANCE_REVIEW/REASSIGN", "ADMIN/DISCLOSURE/REASSIGN");

  static boolean expected(Role role, Stage stage, Action action) {
    return action == Action.READ || ALLOWED.contains(role + "/" + stage + "/" + action);
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> all = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Stage stage : Stage.values()) {
        for (Action action : Action.values()) {
          all.add(Arguments.of(role, stage, action, expected(role, stage, action)));
        }
      }
    }
    return all.stream();
  }

  @Test
  void theMatrixHasThreeHundredThirtyCellsAndTheTableNamesOnlyRealOnes() {
    assertThat(everyCombination()).hasSize(5 * 6 * 11).hasSize(330);
    for (String cell : ALLOWED) {
      String[] parts = cell.split("/");
      assertThat(Role.valueOf(parts[0])).isNotNull();
      assertThat(Stage.valueOf(parts[1])).isNotNull();
      assertThat(Action.valueOf(parts[2])).isNotNull();
    }
    // 30 reads + 23 other allowed cells.
    assertThat(everyCombination().filter(a -> (Boolean) a.get()[3])).hasSize(53);
  }

  @ParameterizedTest(name = "{0} × {1} × {2} → {3}")
  @MethodSource("everyCombination")
  void answersEveryCellOfTheTable(Role role, Stage stage, Action action, boolean allowed) {
    assertThat(Permissions.allows(role, stage, action)).as("%s may %s in %s", role, action, stage).isEqualTo(allowed);
    assertThat(Permissions.allows(EnumSet.of(role), stage, action)).isEqualTo(allowed);
  }

  @Test
  void nobodyDoesAnythingButReadOncePublished() {
    for (Role role : Role.values()) {
      for (Action action : Action.values()) {
        assertThat(Permissions.allows(role, Stage.PUBLISHED, action)).as("%s %s", role, action)
            .isEqualTo(action == Action.READ);
      }
    }
  }

  @Test
  void theAdministratorNeverEditsContent() {
    for (Stage stage : Stage.values()) {
      assertThat(Permissions.allows(Role.ADMIN, stage, Action.EDIT)).as(stage.name()).isFalse();
    }
  }

  @Test
  void severalRolesAllowTheUnionAndNoRoleAllowsNothingButRead() {
    for (Stage stage : Stage.values()) {
      for (Action action : Action.values()) {
        boolean any = Arrays.stream(Role.values()).anyMatch(r -> expected(r, stage, action));
        assertThat(Permissions.allows(EnumSet.allOf(Role.class), stage, action)).isEqualTo(any);
        assertThat(Permissions.allows(EnumSet.of(Role.PREPARER, Role.ADMIN), stage, action))
            .isEqualTo(expected(Role.PREPARER, stage, action) || expected(Role.ADMIN, stage, action));
        assertThat(Permissions.allows(Set.of(), stage, action)).isFalse();
      }
    }
  }

  @Test
  void completingATaskIsTheStagesOwnAction() {
    assertThat(Action.of(Stage.DRAFT, Outcome.APPROVE)).isEqualTo(Action.SUBMIT);
    assertThat(Action.of(Stage.UNIT_SIGN, Outcome.APPROVE)).isEqualTo(Action.SIGN);
    assertThat(Action.of(Stage.BUREAU_GUIDANCE, Outcome.APPROVE)).isEqualTo(Action.APPROVE);
    assertThat(Action.of(Stage.FINANCE_REVIEW, Outcome.APPROVE)).isEqualTo(Action.APPROVE);
    assertThat(Action.of(Stage.DISCLOSURE, Outcome.APPROVE)).isEqualTo(Action.PUBLISH);
    for (Stage stage : Stage.values()) {
      assertThat(Action.of(stage, Outcome.RETURN)).isEqualTo(Action.RETURN);
    }
    // DRAFT cannot be "returned" by anyone: there is nowhere earlier to go.
    for (Role role : Role.values()) {
      assertThat(Permissions.allows(role, Stage.DRAFT, Action.RETURN)).isFalse();
    }
  }

  /** The BPMN's candidate group of every user task names the one role Permissions lets claim it. */
  @Test
  void theBpmnCandidateGroupOfEachStageIsTheRoleThatMayClaimIt() throws Exception {
    Map<String, String> candidateGroups = candidateGroups(Path.of("bpmn/report-lifecycle.bpmn20.xml"));
    List<String> openStages = Arrays.stream(Stage.values()).filter(s -> s != Stage.PUBLISHED).map(Stage::name).toList();
    assertThat(candidateGroups.keySet()).containsExactlyElementsOf(openStages);

    for (Map.Entry<String, String> task : candidateGroups.entrySet()) {
      Stage stage = Stage.valueOf(task.getKey());
      String group = task.getValue();
      assertThat(group).as(stage.name()).doesNotContain(",");
      String realmRole = group.contains(":") ? group.substring(0, group.indexOf(':')) : group;
      Role named = Role.ofRealmRole(realmRole).orElseThrow(() -> new AssertionError(stage + ": " + group));

      List<Role> claimers = Arrays.stream(Role.values()).filter(r -> Permissions.allows(r, stage, Action.CLAIM)).toList();
      assertThat(claimers).as("who may claim %s", stage).containsExactly(named);
      assertThat(stage.actor()).isEqualTo(named);
      // Unit stages are per unit; disclosure is the administrators' alone.
      assertThat(group).isEqualTo(stage.candidateGroup("${unitCode}"));
      assertThat(group.endsWith(":${unitCode}")).isEqualTo(named != Role.ADMIN);
    }
  }

  @Test
  void publishedIsTheEndEventNotATask() throws Exception {
    var document = parse(Path.of("bpmn/report-lifecycle.bpmn20.xml"));
    NodeList ends = document.getElementsByTagNameNS(BPMN, "endEvent");
    assertThat(ends.getLength()).isEqualTo(1);
    assertThat(((Element) ends.item(0)).getAttribute("id")).isEqualTo(Stage.PUBLISHED.name());
    assertThat(Stage.PUBLISHED.actor()).isNull();
  }

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String FLOWABLE = "http://flowable.org/bpmn";

  static Map<String, String> candidateGroups(Path file) throws Exception {
    NodeList tasks = parse(file).getElementsByTagNameNS(BPMN, "userTask");
    Map<String, String> groups = new LinkedHashMap<>();
    for (int i = 0; i < tasks.getLength(); i++) {
      Element task = (Element) tasks.item(i);
      groups.put(task.getAttribute("id"), task.getAttributeNS(FLOWABLE, "candidateGroups"));
    }
    return groups;
  }

  static org.w3c.dom.Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
