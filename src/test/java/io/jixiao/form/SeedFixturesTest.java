package io.jixiao.form;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toCollection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The five published seed reports, evaluated: the totals and grade of every table and the set of
 * findings, each by code, path and severity (so also their count per code), must be the ones derived
 * by hand in each fixture's {@code expected} block (its {@code notes} say why).
 */
class SeedFixturesTest {

  static List<SeedFixtures.Fixture> fixtures() {
    return SeedFixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void evaluatesToTheHandDerivedExpectations(SeedFixtures.Fixture fixture) {
    Evaluation evaluation = Evaluator.evaluate(fixture.content(), fixture.template(), fixture.year());
    JsonNode expected = fixture.expected();

    SoftAssertions softly = new SoftAssertions();

    assertSummary(softly, "overall", evaluation.overall(), expected.get("overall"));

    JsonNode projects = expected.get("projects");
    softly.assertThat(evaluation.projects().keySet())
        .as("project codes")
        .containsExactlyInAnyOrderElementsOf(projects.propertyNames());
    for (String code : projects.propertyNames()) {
      assertSummary(softly, "projects." + code, evaluation.projects().get(code), projects.get(code));
    }

    Set<String> actualCodes =
        evaluation.findings().stream().map(f -> f.code().name()).collect(toCollection(TreeSet::new));
    Set<String> expectedCodes =
        StreamSupport.stream(expected.get("findingCodes").spliterator(), false)
            .map(JsonNode::asString)
            .collect(toCollection(TreeSet::new));
    softly.assertThat(actualCodes)
        .as(() -> "distinct finding codes of " + fixture + "; the findings were:\n" + describe(evaluation.findings())
            + "\nthe fixture's notes:\n" + expected.get("notes").asString())
        .isEqualTo(expectedCodes);

    // Every finding by code, path and severity, as a sorted list: a second finding on one path, a
    // finding moving to another row, or one more or fewer of a code all fail here.
    List<String> actualFindings = evaluation.findings().stream()
        .map(f -> f.code() + "@" + f.path() + " " + f.severity()).sorted().toList();
    List<String> expectedFindings = StreamSupport.stream(expected.get("findings").spliterator(), false)
        .map(n -> n.get("code").asString() + "@" + n.get("path").asString() + " " + n.get("severity").asString())
        .sorted().toList();
    softly.assertThat(actualFindings)
        .as(() -> "findings (code@path severity) of " + fixture + "; the findings were:\n"
            + describe(evaluation.findings()))
        .containsExactlyElementsOf(expectedFindings);
    Map<String, Long> expectedCounts = expectedFindings.stream()
        .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('@')), TreeMap::new, Collectors.counting()));
    Map<String, Long> actualCounts = evaluation.findings().stream()
        .collect(Collectors.groupingBy(f -> f.code().name(), TreeMap::new, Collectors.counting()));
    softly.assertThat(actualCounts).as("findings per code of " + fixture).isEqualTo(expectedCounts);
    // The fixture's two views agree: findingCodes is the set of codes its findings list names.
    softly.assertThat(expectedCounts.keySet()).as("findingCodes vs findings in " + fixture).isEqualTo(expectedCodes);

    softly.assertAll();
  }

  private static void assertSummary(SoftAssertions softly, String what, Summary actual, JsonNode expected) {
    softly.assertThat(actual).as(what).isNotNull();
    if (actual == null) {
      return;
    }
    assertAmount(softly, what + ".executionRate", actual.executionRate(), expected.get("executionRate"));
    assertAmount(softly, what + ".executionScore", actual.executionScore(), expected.get("executionScore"));
    assertAmount(softly, what + ".totalScore", actual.totalScore(), expected.get("totalScore"));
    JsonNode grade = expected.get("grade");
    softly.assertThat(actual.grade())
        .as(what + ".grade")
        .isEqualTo(grade == null || grade.isNull() ? null : Grade.valueOf(grade.asString()));
  }

  /** Expected amounts are strings ("97.00") so they compare exactly; null means "none". */
  private static void assertAmount(SoftAssertions softly, String what, BigDecimal actual, JsonNode expected) {
    if (expected == null || expected.isNull()) {
      softly.assertThat(actual).as(what).isNull();
    } else {
      softly.assertThat(actual).as(what).isNotNull();
      if (actual != null) {
        softly.assertThat(actual).as(what).isEqualByComparingTo(new BigDecimal(expected.asString()));
      }
    }
  }

  private static String describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> "  " + f.severity() + " " + f.code() + " @ " + f.path() + ": " + f.message())
        .collect(joining("\n"));
  }
}
