package io.jixiao.form;

import static io.jixiao.form.Build.d;
import static io.jixiao.form.Build.overall;
import static io.jixiao.form.Build.reviewed;
import static io.jixiao.form.Build.row;
import static io.jixiao.form.Build.table;
import static io.jixiao.form.Build.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

  private static final Template T = TestTemplates.NATIONAL_DEFAULT;

  private static Summary summary(SelfEvaluationTable table) {
    return Evaluator.evaluate(overall(table), T, 2022).overall();
  }

  // ---- execution ----

  @Test
  void executionRateIsExecutedOverAdjustedBudgetToFourDecimals() {
    Summary s = summary(table(List.of(total("3104531.58", "3647981.22", "3000000.00", "10", null))));
    assertThat(s.executionRate()).isEqualTo(new BigDecimal("0.8224"));
    assertThat(s.executionScore()).isEqualTo(new BigDecimal("8.22"));
  }

  @Test
  void executionScoreIsCappedAtTheWeight() {
    Summary s = summary(table(List.of(total("486200.00", "486200.00", "500000.00", "10", null))));
    assertThat(s.executionRate()).isEqualTo(new BigDecimal("1.0284"));
    assertThat(s.executionScore()).isEqualTo(new BigDecimal("10.00"));
  }

  @Test
  void noAdjustedBudgetMeansNoRateAndScoreZero() {
    Summary s = summary(table(List.of(total("100.00", null, "100.00", "10", null))));
    assertThat(s.executionRate()).isNull();
    assertThat(s.executionScore()).isEqualByComparingTo("0");
    Summary zero = summary(table(List.of(total("0", "0", "0", "10", null))));
    assertThat(zero.executionRate()).isNull();
    assertThat(zero.executionScore()).isEqualByComparingTo("0");
  }

  @Test
  void theTemplateWeightAppliesWhenTheTotalRowHasNone() {
    Summary s = summary(table(List.of(total("200.00", "200.00", "100.00", null, null))));
    assertThat(s.executionRate()).isEqualTo(new BigDecimal("0.5000"));
    assertThat(s.executionScore()).isEqualTo(new BigDecimal("5.00")); // template 10 × 50%
    Summary own = summary(table(List.of(total("200.00", "200.00", "100.00", "20", null))));
    assertThat(own.executionScore()).isEqualTo(new BigDecimal("10.00"));
  }

  // ---- suggested scores ----

  @ParameterizedTest(name = "{0} vs {1} of {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      =3次           | 3次          | 2  | 2.00
      =3次           | 2次          | 3  | 2.00
      =3次           | 4次          | 3  | 3.00
      ≥98%           | 98%          | 10 | 10.00
      ≥98%           | 90%          | 10 | 9.18
      95%以上        | 90%          | 10 | 9.47
      95%以上        | 92%以上      | 10 | 9.68
      240户          | 240户        | 10 | 10.00
      12个           | 12个         | 20 | 20.00
      '　100'        | '　100%'     | 15 | 15.00
      '　240'        | '　100%'     | 15 | 15.00
      '　81户'       | '　100%'     | 10 | 10.00
      2568           | 90%          | 5  | 4.50
      ≤5%            | 3%           | 10 | 10.00
      ≤5%            | 10%          | 10 | 5.00
      5%以下         | 5%           | 10 | 10.00
      不超过20万元   | 25万元       | 10 | 8.00
      ≤0次           | 0次          | 5  | 5.00
      ≤0次           | 2次          | 5  | 0.00
      =0             | 0            | 5  | 5.00
      =0次           | 3次          | 5  | 5.00
      =20.57万元     | 205700元     | 4  | 4.00
      >90%           | 45%          | 10 | 5.00
      2024年12月31日 | 2024年12月20日 | 3 | 3.00
      2024年12月31日 | 2024-12-31   | 3  | 3.00
      2024年12月31日 | 2025年1月5日 | 3  | 0.00
      """)
  void suggestsScoresForQuantitativeRows(String target, String actual, String weight, String expected) {
    assertThat(Scoring.suggest(row(target, actual, weight, null))).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(delimiter = '|', textBlock = """
      按时保质完成    | 达成预期指标
      有效提升        | 达成预期指标
      长期            | 达成预期指标
      2324年12月31日  | 达成预期指标
      =3次            | 达成预期指标
      =3次            | ''
      240户           | 240人
      95%             | 90个
      ''              | 90%
      """)
  void qualitativeOrIncomparableRowsHaveNoSuggestion(String target, String actual) {
    assertThat(Scoring.suggest(row(target, actual, "10", null))).isNull();
  }

  @Test
  void aRowWithoutWeightHasNoSuggestion() {
    assertThat(Scoring.suggest(row("=3次", "3次", null, null))).isNull();
  }

  @Test
  void aMoneyTargetUnderCostIndicatorsIsACap() {
    // 004 成本指标 "=20.57万元" against 25.56万元: spending more is worse, not better
    assertThat(Scoring.suggest(Build.cost("=20.57万元", "25.56万元", "1", "0"))).isEqualTo(new BigDecimal("0.80"));
    assertThat(Scoring.suggest(Build.cost("=208.88万元", "207.04万元", "1", "0"))).isEqualTo(new BigDecimal("1.00"));
    // a count in a cost slot (003 附件4 "240户") stays higher-is-better
    assertThat(Scoring.suggest(Build.cost("240户", "200户", "10", "10"))).isEqualTo(new BigDecimal("8.33"));
  }

  @Test
  void suggestionsAreKeyedByRowPathAndQualitativeRowsAreAbsent() {
    Evaluation e = Evaluator.evaluate(Build.overall(Build.fullTable()), T, 2022);
    assertThat(e.suggestions()).containsOnlyKeys("overall.indicators[0]", "overall.indicators[1]");
  }

  // ---- totals and grades ----

  @Test
  void totalIsExecutionScorePlusSelfScores() {
    // 003 附件4 流出人口专项: rows add up to 79, execution 10 → 89
    SelfEvaluationTable t = table(List.of(total("18", "18", "18", "10", "10")),
        row("7个", "7个", "10", "10"), row("95%", "95%", "10", "10"), row("12个", "12个", "20", "10"),
        row("95%", "95%", "10", "10"), row("95%", "95%", "10", "10"), row("100%", "100%", "20", "20"),
        row("95%以上", "90%", "10", "9"), row("长期", "", "10", null));
    Summary s = summary(t);
    assertThat(s.executionScore()).isEqualByComparingTo("10");
    assertThat(s.totalScore()).isEqualByComparingTo("89");
    assertThat(s.grade()).isEqualTo(Grade.GOOD);
    assertThat(s.reviewTotal()).isNull();
    assertThat(s.reviewGrade()).isNull();
  }

  @Test
  void reviewTotalUsesReviewScoresWhereSetAndSelfScoresElsewhere() {
    SelfEvaluationTable t = table(List.of(total("100", "100", "100", "10", "10")),
        reviewed(row("=3次", "3次", "45", "45"), "30"), row("=3次", "3次", "45", "40"));
    Summary s = summary(t);
    assertThat(s.totalScore()).isEqualByComparingTo("95");
    assertThat(s.grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(s.reviewTotal()).isEqualByComparingTo("80"); // 10 + 30 + 40
    assertThat(s.reviewGrade()).isEqualTo(Grade.GOOD);
  }

  @Test
  void aReviewScoreOnTheTotalRowReplacesTheExecutionScore() {
    FundsRow totalRow = new FundsRow(FundsLine.TOTAL, null, d("100"), d("100"), d("100"), d("10"), d("10"), d("6"), null);
    Summary s = summary(table(List.of(totalRow), row("=3次", "3次", "90", "85")));
    assertThat(s.totalScore()).isEqualByComparingTo("95");
    assertThat(s.reviewTotal()).isEqualByComparingTo("91");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "80, GOOD", "79.99, FAIR", "60, FAIR",
      "59.99, POOR", "0, POOR"})
  void gradeBandsHaveInclusiveMinimums(String total, Grade grade) {
    assertThat(Scoring.grade(new BigDecimal(total), T)).isEqualTo(grade);
    assertThat(Scoring.grade(new BigDecimal(total), TestTemplates.COST_SEPARATE)).isEqualTo(grade);
  }

  @Test
  void aTemplatesOwnBandsApply() {
    Template strict = new Template("S", "严", BigDecimal.TEN, List.of(),
        List.of(new Template.GradeBand(Grade.EXCELLENT, d("95")), new Template.GradeBand(Grade.GOOD, d("85")),
            new Template.GradeBand(Grade.FAIR, d("70"))), List.of());
    assertThat(Scoring.grade(d("94"), strict)).isEqualTo(Grade.GOOD);
    assertThat(Scoring.grade(d("20"), strict)).isEqualTo(Grade.FAIR); // below every band: the lowest
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"优, EXCELLENT", "优秀, EXCELLENT", "良, GOOD", "良好, GOOD", "中, FAIR", "中等, FAIR",
      "合格, FAIR", "差, POOR", "较差, POOR", "不合格, POOR", "'　优　', EXCELLENT", "优秀等次, EXCELLENT", "良好等级, GOOD"})
  void parsesWrittenGrades(String written, Grade grade) {
    assertThat(Scoring.parseGrade(written)).isEqualTo(grade);
  }

  @Test
  void unknownGradeWordingIsNotAGrade() {
    assertThat(Scoring.parseGrade("满意")).isNull();
    assertThat(Scoring.parseGrade(null)).isNull();
  }

  // ---- partial input ----

  @Test
  void anEmptyPackageEvaluatesToZeros() {
    Evaluation e = Evaluator.evaluate(ReportContent.empty(), T, 2024);
    assertThat(e.overall().executionRate()).isNull();
    assertThat(e.overall().executionScore()).isEqualByComparingTo("0");
    assertThat(e.overall().totalScore()).isEqualByComparingTo("0");
    assertThat(e.overall().reviewTotal()).isNull();
    assertThat(e.projects()).isEmpty();
    assertThat(e.suggestions()).isEmpty();
    // nothing is computed from nothing; what is missing is named (the completeness gate)
    assertThat(e.findings()).extracting(Finding::code).containsOnly(FindingCode.INCOMPLETE);
    assertThat(Evaluator.evaluate(null, null, 0).findings()).extracting(Finding::code).containsOnly(FindingCode.INCOMPLETE);
  }

  @Test
  void aDraftWithNullsEverywhereDoesNotThrow() {
    IndicatorRow blank = new IndicatorRow(null, null, null, null, null, null, null, null, null, null);
    FundsRow blankFunds = new FundsRow(null, null, null, null, null, null, null, null, null);
    SelfEvaluationTable t = new SelfEvaluationTable(null, null, null, List.of(blankFunds), null, List.of(blank), null, null);
    ReportContent c = new ReportContent(new BasicDataTable(null, null, List.of(new CostRow(null, null, null, null, null)), null, null),
        t, List.of(new NarrativeSection(null, null, null, List.of(new StatedFigure(null, null, null, null)))),
        List.of(new Project(null, null, null, null), new Project(null, null, null, t)), new Filling(null, null, null), null);
    Evaluation e = Evaluator.evaluate(c, T, 2024);
    assertThat(e.projects()).containsOnlyKeys("#0", "#1");
  }

  @Test
  void projectsAreKeyedByCode() {
    Project p = new Project("P1", "流出人口计生协会专项经费", null, Build.fullTable());
    Evaluation e = Evaluator.evaluate(Build.withProjects(p), T, 2022);
    assertThat(e.projects()).containsOnlyKeys("P1");
    assertThat(e.projects().get("P1").totalScore()).isEqualByComparingTo("100");
    assertThat(e.suggestions()).containsKey("projects[P1].table.indicators[0]");
  }
}
