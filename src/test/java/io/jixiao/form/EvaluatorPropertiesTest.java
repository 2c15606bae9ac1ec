package io.jixiao.form;

import static io.jixiao.form.GeneratedPackage.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invariants of the rules, each checked on 1,000 generated packages (one per repetition, Instancio {@code @Given}). */
@ExtendWith(InstancioExtension.class)
class EvaluatorPropertiesTest {

  /**
   * A table of a package with its path and summary. A repeated project code (invalid, but a draft may
   * have one) keeps the first project's summary, so only the first carries one.
   */
  private record Table(String path, SelfEvaluationTable table, Summary summary) {}

  private static List<Table> tables(GeneratedPackage p, Evaluation e, boolean withRepeatedCodes) {
    List<Table> tables = new ArrayList<>();
    if (p.content().overall() != null) {
      tables.add(new Table(Paths.OVERALL, p.content().overall(), e.overall()));
    }
    Set<String> seen = new HashSet<>();
    List<Project> projects = p.content().projects();
    for (int i = 0; i < projects.size(); i++) {
      Project project = projects.get(i);
      boolean first = seen.add(Paths.projectKey(project, i));
      if (project.table() != null && (first || withRepeatedCodes)) {
        tables.add(new Table(Paths.project(project, i) + ".table", project.table(),
            first ? e.projects().get(Paths.projectKey(project, i)) : null));
      }
    }
    return tables;
  }

  private static Evaluation evaluate(GeneratedPackage p) {
    return Evaluator.evaluate(p.content(), p.template(), p.year());
  }

  private static Template template(GeneratedPackage p) {
    return p.template() == null ? Scoring.DEFAULT_TEMPLATE : p.template();
  }

  @RepeatedTest(1000)
  void aSuggestionIsNeverAboveItsWeightNorNegative(@Given(GeneratedPackage.Provider.class) GeneratedPackage p) {
    check(p, () -> {
      Evaluation e = evaluate(p);
      Map<String, IndicatorRow> rows = new HashMap<>();
      for (Table t : tables(p, e, false)) {
        for (int i = 0; i < t.table().indicators().size(); i++) {
          rows.put(Paths.indicator(t.path(), i), t.table().indicators().get(i));
        }
      }
      e.suggestions().forEach((path, suggested) -> {
        assertThat(rows).containsKey(path);
        assertThat(suggested).as(path).isBetween(BigDecimal.ZERO, rows.get(path).weight());
        assertThat(suggested.scale()).isEqualTo(2);
      });
    });
  }

  @RepeatedTest(1000)
  void totalIsExecutionScorePlusSelfScoresExactly(@Given(GeneratedPackage.Provider.class) GeneratedPackage p) {
    check(p, () -> {
      Evaluation e = evaluate(p);
      for (Table t : tables(p, e, false)) {
        BigDecimal expected = t.summary().executionScore();
        for (IndicatorRow row : t.table().indicators()) {
          expected = row.selfScore() == null || !row.counts() ? expected : expected.add(row.selfScore()); // 不适用: not scored
        }
        assertThat(t.summary().totalScore()).as(t.path()).isEqualByComparingTo(expected);
      }
    });
  }

  /** Each package with the next one, under the first one's template: all their totals compared. */
  @RepeatedTest(1000)
  void aHigherTotalNeverGetsAWorseGrade(
      @Given(GeneratedPackage.Provider.class) GeneratedPackage a, @Given(GeneratedPackage.Provider.class) GeneratedPackage b) {
    check(a, () -> {
      Template template = template(a);
      List<Summary> summaries = new ArrayList<>();
      for (GeneratedPackage p : List.of(a, b)) {
        Evaluation e = Evaluator.evaluate(p.content(), template, p.year());
        summaries.add(e.overall());
        summaries.addAll(e.projects().values());
      }
      for (Summary x : summaries) {
        for (Summary y : summaries) {
          // Grade declares EXCELLENT first: a better grade has a lower ordinal
          if (x.totalScore().compareTo(y.totalScore()) > 0) {
            assertThat(x.grade().ordinal()).as(x + " vs " + y).isLessThanOrEqualTo(y.grade().ordinal());
          }
          if (x.reviewTotal() != null && y.reviewTotal() != null && x.reviewTotal().compareTo(y.reviewTotal()) > 0) {
            assertThat(x.reviewGrade().ordinal()).as(x + " vs " + y).isLessThanOrEqualTo(y.reviewGrade().ordinal());
          }
        }
      }
    });
  }

  @RepeatedTest(1000)
  void theExecutionScoreLiesWithinItsWeight(@Given(GeneratedPackage.Provider.class) GeneratedPackage p) {
    check(p, () -> {
      Evaluation e = evaluate(p);
      assertThat(e.overall().executionScore())
          .isBetween(BigDecimal.ZERO, Scoring.executionWeight(p.content().overall(), template(p)));
      for (Table t : tables(p, e, false)) {
        assertThat(t.summary().executionScore()).as(t.path())
            .isBetween(BigDecimal.ZERO, Scoring.executionWeight(t.table(), template(p)));
        if (t.summary().executionRate() == null) {
          assertThat(t.summary().executionScore()).isEqualByComparingTo("0");
        }
      }
    });
  }

  @RepeatedTest(1000)
  void evaluateNeverThrowsOnPartialContent(@Given(GeneratedPackage.Provider.class) GeneratedPackage p) {
    check(p, () -> assertThatCode(() -> {
      Evaluation e = evaluate(p);
      assertThat(e.overall()).isNotNull();
      assertThat(e.findings()).allSatisfy(f -> {
        assertThat(f.code()).isNotNull();
        assertThat(f.path()).isNotBlank();
        assertThat(f.message()).isNotBlank();
      });
      // errors first, and one finding per key
      assertThat(e.findings().stream().map(Finding::severity).toList()).isSortedAccordingTo(Enum::compareTo);
      assertThat(e.findings().stream().map(Finding::key)).doesNotHaveDuplicates();
    }).doesNotThrowAnyException());
  }

  @RepeatedTest(1000)
  void scoreAboveWeightIsRaisedExactlyWhereASelfScoreExceedsItsWeight(@Given(GeneratedPackage.Provider.class) GeneratedPackage p) {
    check(p, () -> {
      Evaluation e = evaluate(p);
      Set<String> expected = new HashSet<>();
      for (Table t : tables(p, e, true)) {
        List<IndicatorRow> rows = t.table().indicators();
        for (int i = 0; i < rows.size(); i++) {
          IndicatorRow row = rows.get(i);
          if (row.counts() && row.weight() != null && row.selfScore() != null && row.selfScore().compareTo(row.weight()) > 0) {
            expected.add(Paths.indicator(t.path(), i) + ".selfScore");
          }
        }
        List<FundsRow> funds = t.table().funds();
        for (int i = 0; i < funds.size(); i++) {
          FundsRow row = funds.get(i);
          BigDecimal weight = row.weight() != null ? row.weight()
              : row.line() == FundsLine.TOTAL ? Scoring.executionWeight(t.table(), template(p)) : null;
          if (weight != null && row.selfScore() != null && row.selfScore().compareTo(weight) > 0) {
            expected.add(Paths.fundsRow(t.path(), funds, i) + ".selfScore");
          }
        }
      }
      Set<String> raised = new HashSet<>();
      e.findings().stream()
          .filter(f -> f.code() == FindingCode.SCORE_ABOVE_WEIGHT && f.path().endsWith(".selfScore"))
          .forEach(f -> raised.add(f.path()));
      assertThat(raised).isEqualTo(expected);
    });
  }

  @Test
  void thePoolHoldsAThousandVariedPackages() {
    assertThat(GeneratedPackage.POOL).hasSize(1000);
    // the generator reaches what the invariants are about: drafts, projects, suggestions, scores above weight
    long withOverall = GeneratedPackage.POOL.stream().filter(p -> p.content().overall() != null).count();
    long withProjects = GeneratedPackage.POOL.stream().filter(p -> !p.content().projects().isEmpty()).count();
    long withSuggestions = GeneratedPackage.POOL.stream().filter(p -> !evaluate(p).suggestions().isEmpty()).count();
    long aboveWeight = GeneratedPackage.POOL.stream().filter(p -> evaluate(p).findings().stream()
        .anyMatch(f -> f.code() == FindingCode.SCORE_ABOVE_WEIGHT)).count();
    assertThat(List.of(withOverall, withProjects, withSuggestions, aboveWeight))
        .allSatisfy(n -> assertThat(n).isBetween(100L, 999L));
  }
}
