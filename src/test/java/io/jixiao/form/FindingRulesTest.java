package io.jixiao.form;

import static io.jixiao.form.Build.costRow;
import static io.jixiao.form.Build.d;
import static io.jixiao.form.Build.figure;
import static io.jixiao.form.Build.funds;
import static io.jixiao.form.Build.overall;
import static io.jixiao.form.Build.row;
import static io.jixiao.form.Build.section;
import static io.jixiao.form.Build.stated;
import static io.jixiao.form.Build.table;
import static io.jixiao.form.Build.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FindingRulesTest {

  private static final Template T = TestTemplates.NATIONAL_DEFAULT;

  /**
   * The findings of the rule under test: the partial packages here are incomplete and their tables
   * not weighted by the template's first levels, which {@link Completeness} and {@link AcrossTables} test.
   */
  private static List<Finding> findings(ReportContent c, int year) {
    return Evaluator.evaluate(c, T, year).findings().stream()
        .filter(f -> f.code() != FindingCode.INCOMPLETE && f.code() != FindingCode.LEVEL1_WEIGHT_DIFFERS).toList();
  }

  private static List<Finding> findings(ReportContent c) {
    return findings(c, 2022);
  }

  private static List<Finding> withCode(List<Finding> all, String code) {
    return all.stream().filter(f -> f.code().name().equals(code)).toList();
  }

  private static Finding only(List<Finding> all, String code) {
    List<Finding> hits = withCode(all, code);
    assertThat(hits).as(code + " in " + all).hasSize(1);
    return hits.get(0);
  }

  /** The full table with one row replaced. */
  private static SelfEvaluationTable fullWith(IndicatorRow row) {
    SelfEvaluationTable t = Build.fullTable();
    return table(t.funds(), t.indicators().get(0), t.indicators().get(1), row);
  }

  @Nested
  class AcrossTables {
    List<Finding> across(ReportContent c) {
      return Evaluator.evaluate(c, T, 2022).findings().stream().filter(f -> switch (f.code()) {
        case PROJECT_ROWS_DIFFER, PROJECT_BUDGET_DIFFERS, NAME_DIFFERS, LEVEL1_WEIGHT_DIFFERS, STAFFING_DIFFERS -> true;
        default -> false;
      }).toList();
    }

    Project project(String code, String budget, String department, String supervisor, String tableBudget, String executed) {
      SelfEvaluationTable table = new SelfEvaluationTable(null, supervisor, "新田县计划生育协会",
          List.of(total(tableBudget, tableBudget, executed, "10", "10")), List.of(), List.of(), null, null);
      return new Project(code, "专项" + code, new ProjectReport(d(budget), department, null, null, null, null, null, null), table);
    }

    ReportContent with(BasicDataTable basic, List<NarrativeSection> narrative, Project... projects) {
      return new ReportContent(basic, null, narrative, List.of(projects), null, List.of());
    }

    BasicDataTable basic(Integer establishment, Integer inPost, CostRow... costs) {
      return new BasicDataTable(establishment, inPost, List.of(costs), List.of(), null);
    }

    @Test
    void theBasicDataProjectRowsMustMatchTheProjectTables() {
      // 003: 附件1 二、项目支出小计 0 / 0 against 附件4 tables of 18万元 and 34.5万元
      ReportContent off = with(basic(null, null, costRow(CostLine.PROJECT, "0", "0", "0")), List.of(),
          project("P1", "180000", null, null, "180000", "180000"), project("P2", "345000", null, null, "345000", "345000"));
      assertThat(across(off)).extracting(Finding::code, Finding::path).containsExactly(
          org.assertj.core.groups.Tuple.tuple(FindingCode.PROJECT_ROWS_DIFFER, "basicData.costs[PROJECT].budget"),
          org.assertj.core.groups.Tuple.tuple(FindingCode.PROJECT_ROWS_DIFFER, "basicData.costs[PROJECT].finalAccount"));
      assertThat(across(off).get(0).severity()).isEqualTo(Severity.WARNING);
      ReportContent ok = with(basic(null, null, costRow(CostLine.PROJECT, "0", "525000", "525000")), List.of(),
          project("P1", "180000", null, null, "180000", "180000"), project("P2", "345000", null, null, "345000", "345000"));
      assertThat(across(ok)).isEmpty();
      // without a subtotal the project rows stand in for it
      ReportContent items = with(basic(null, null, costRow(CostLine.PROJECT_ITEM, "0", "180000", "180000"),
          costRow(CostLine.PROJECT_ITEM, "0", "345000", "340000")), List.of(),
          project("P1", "180000", null, null, "180000", "180000"), project("P2", "345000", null, null, "345000", "345000"));
      assertThat(across(items)).extracting(Finding::path).containsExactly("basicData.costs[PROJECT_ITEM#0].finalAccount");
    }

    @Test
    void aProjectReportsBudgetMustMatchItsTable() {
      assertThat(across(with(null, List.of(), project("P1", "180000", null, null, "200000", "180000"))))
          .extracting(Finding::code, Finding::path).containsExactly(
              org.assertj.core.groups.Tuple.tuple(FindingCode.PROJECT_BUDGET_DIFFERS, "projects[P1].report.budgetAmount"));
      assertThat(across(with(null, List.of(), project("P1", "200000", null, null, "200000", "180000")))).isEmpty();
    }

    @Test
    void theSupervisingDepartmentIsNamedAlikeInTheReportAndTheTable() {
      // 003: 附件3 项目主管部门 新田县计划生育协会, 附件4 主管部门 新田县卫生健康局
      assertThat(across(with(null, List.of(), project("P1", null, "新田县计划生育协会", "新田县卫生健康局", "1", "1"))))
          .extracting(Finding::code, Finding::path).containsExactly(
              org.assertj.core.groups.Tuple.tuple(FindingCode.NAME_DIFFERS, "projects[P1].table.supervisor"));
      assertThat(across(with(null, List.of(), project("P1", null, "新田县 卫生健康局", "新田县卫生健康局", "1", "1")))).isEmpty();
    }

    @Test
    void staffingInTheBasicDataMatchesTheNarrative() {
      // 003: 附件1 编制 5, 附件5 现有参照公务员编制6名
      ReportContent off = with(basic(5, 5), List.of(section("basic", "现有参照公务员编制6名，在职5人。")));
      assertThat(across(off)).extracting(Finding::code, Finding::path).containsExactly(
          org.assertj.core.groups.Tuple.tuple(FindingCode.STAFFING_DIFFERS, "basicData.establishment"));
      assertThat(across(with(basic(6, 5), List.of(section("basic", "现有参照公务员编制6名，在职5人。"))))).isEmpty();
      assertThat(across(with(basic(6, 4), List.of(section("basic", "编制6人，在岗人员5人"))))).extracting(Finding::path)
          .containsExactly("basicData.staffInPost");
    }

    @Test
    void eachFirstLevelsWeightsAddUpToTheTemplates() {
      SelfEvaluationTable t = table(List.of(total("1000", "1000")),
          new IndicatorRow("OUTPUT", null, "a", null, null, d("44"), null, null, null, null),
          new IndicatorRow("OUTPUT", null, "b", null, null, d("2"), null, null, null, Boolean.TRUE), // 不适用: not counted
          new IndicatorRow("BENEFIT", null, "c", null, null, d("30"), null, null, null, null));
      assertThat(across(overall(t))).extracting(Finding::code, Finding::path, Finding::message).containsExactly(
          org.assertj.core.groups.Tuple.tuple(FindingCode.LEVEL1_WEIGHT_DIFFERS, "overall.indicators",
              "「产出指标」各行分值合计 44 分，模板规定为 50 分"));
      SelfEvaluationTable ok = table(List.of(total("1000", "1000")),
          new IndicatorRow("OUTPUT", null, "a", null, null, d("50"), null, null, null, null),
          new IndicatorRow("BENEFIT", null, "c", null, null, d("30"), null, null, null, null));
      assertThat(across(overall(ok))).isEmpty();
    }
  }

  @Nested
  class Completeness {
    List<Finding> incomplete(ReportContent c) {
      return Evaluator.evaluate(c, T, 2022).findings().stream().filter(f -> f.code() == FindingCode.INCOMPLETE).toList();
    }

    /** The overall table with one row per first level, the required sections and the filling block. */
    ReportContent complete() {
      SelfEvaluationTable t = table(List.of(total("1000.00", "1000.00")),
          new IndicatorRow("OUTPUT", "数量指标", "走访", "=3次", "3次", d("50"), d("50"), null, null, null),
          new IndicatorRow("BENEFIT", "社会效益指标", "帮扶", "≥95%", "98%", d("30"), d("30"), null, null, null),
          new IndicatorRow("SATISFACTION", "满意度指标", "满意度", "≥90%", "96%", d("10"), d("10"), null, null, null));
      return new ReportContent(null, t, List.of(section("basic", "基本情况"), section("performance", "绩效情况"),
          section("problems", "问题"), section("improvements", "措施")), List.of(),
          new Filling("肖桂芳", "13874763461", java.time.LocalDate.of(2023, 3, 1)), List.of());
    }

    @Test
    void anEmptyPackageNamesEveryMissingPartAsAnError() {
      List<Finding> missing = incomplete(ReportContent.empty());
      assertThat(missing).allMatch(f -> f.severity() == Severity.ERROR);
      assertThat(missing).extracting(Finding::path).containsExactlyInAnyOrder("overall", "narrative[basic]",
          "narrative[performance]", "narrative[problems]", "narrative[improvements]", "filling");
      assertThat(missing.stream().filter(f -> f.path().equals("filling")).findFirst().orElseThrow().message())
          .contains("填表人").contains("联系电话").contains("填报日期");
    }

    @Test
    void aCompletePackageIsSilent() {
      assertThat(incomplete(complete())).isEmpty();
      assertThat(Evaluator.evaluate(complete(), T, 2022).findings()).isEmpty();
    }

    @Test
    void aTableNeedsItsFundsTotalAndARowPerFirstLevel() {
      ReportContent c = complete();
      SelfEvaluationTable t = table(List.of(funds(FundsLine.GENERAL_BUDGET, "1000", "1000", "1000")),
          c.overall().indicators().get(0));
      ReportContent partial = new ReportContent(null, t, c.narrative(), List.of(
          new Project("P1", "流出人口专项", null, null)), c.filling(), List.of());
      assertThat(incomplete(partial)).extracting(Finding::path, Finding::message).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple("overall.funds[TOTAL]", "部门整体支出绩效自评表的资金总额（全年预算数、全年执行数）未填"),
          org.assertj.core.groups.Tuple.tuple("overall.indicators", "部门整体支出绩效自评表至少须有一项「效益指标」（不适用的行不算）；"
              + "部门整体支出绩效自评表至少须有一项「满意度指标」（不适用的行不算）"), // one finding per path, messages joined
          org.assertj.core.groups.Tuple.tuple("projects[P1].table", "缺少项目「流出人口专项」的绩效自评表"));
    }

    @Test
    void theDepartmentWideTableIsHeldToItsOwnFirstLevelsWhereTheTemplateGivesThem() {
      // 003: cost-first 附件4 tables, a 附件2 in the national layout without 成本指标.
      ReportContent c = complete();
      ReportContent withProject = new ReportContent(null, c.overall(), c.narrative(),
          List.of(new Project("P1", "流出人口专项", null, c.overall())), c.filling(), List.of());
      java.util.function.Function<Template, List<String>> incompletePaths = template ->
          Evaluator.evaluate(withProject, template, 2022).findings().stream()
              .filter(f -> f.code() == FindingCode.INCOMPLETE).map(Finding::path).toList();
      assertThat(incompletePaths.apply(TestTemplates.COST_SEPARATE_PROJECTS)).as("only the project lacks its 成本指标")
          .containsExactly("projects[P1].table.indicators");
      assertThat(incompletePaths.apply(TestTemplates.COST_SEPARATE)).as("cost-first in every table")
          .containsExactlyInAnyOrder("overall.indicators", "projects[P1].table.indicators");
      // The department-wide weights against 50 / 30 / 10, the project's against 20 / 40 / 20 / 10.
      List<String> weights = Evaluator.evaluate(withProject, TestTemplates.COST_SEPARATE_PROJECTS, 2022).findings().stream()
          .filter(f -> f.code() == FindingCode.LEVEL1_WEIGHT_DIFFERS).map(Finding::path).toList();
      assertThat(weights).containsExactly("projects[P1].table.indicators");
      assertThat(TestTemplates.NATIONAL_DEFAULT.departmentLevel1()).isEqualTo(TestTemplates.NATIONAL_DEFAULT.level1());
    }

    @Test
    void aBlankRequiredSectionIsMissingAndAnOptionalOneIsNot() {
      ReportContent c = complete();
      List<NarrativeSection> sections = new java.util.ArrayList<>(c.narrative());
      sections.set(2, section("problems", "  "));
      sections.remove(3);
      ReportContent partial = new ReportContent(null, c.overall(), sections, List.of(), c.filling(), List.of());
      assertThat(incomplete(partial)).extracting(Finding::path)
          .containsExactlyInAnyOrder("narrative[problems]", "narrative[improvements]");
    }

    @Test
    void notApplicableRowsAreNeitherScoredNorCountedNorEnoughForTheirGroup() {
      ReportContent c = complete();
      List<IndicatorRow> rows = new java.util.ArrayList<>(c.overall().indicators());
      // 指标1: / / / — a satisfaction row marked 不适用, with a weight that would break the sum
      rows.set(2, new IndicatorRow("SATISFACTION", "满意度指标", "指标1", "/", "/", d("40"), d("40"), null, null, Boolean.TRUE));
      SelfEvaluationTable t = table(c.overall().funds(), rows.toArray(IndicatorRow[]::new));
      Evaluation e = Evaluator.evaluate(new ReportContent(null, t, c.narrative(), List.of(), c.filling(), List.of()), T, 2022);
      assertThat(e.overall().totalScore()).isEqualByComparingTo("90"); // 10 + 50 + 30, the N/A row's 40 not added
      assertThat(e.suggestions()).doesNotContainKey("overall.indicators[2]");
      assertThat(e.findings()).extracting(Finding::code, Finding::path).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(FindingCode.WEIGHTS_NOT_100, "overall.indicators"), // 10 + 80 without it
          org.assertj.core.groups.Tuple.tuple(FindingCode.INCOMPLETE, "overall.indicators")); // no satisfaction row left
    }
  }

  @Test
  void aConsistentPackageHasNoFindings() {
    assertThat(findings(overall(Build.fullTable()))).isEmpty();
  }

  @Nested
  class WeightsNot100 {
    @Test
    void raisedWhenExecutionPlusIndicatorWeightsAreNot100() {
      Finding f = only(findings(overall(fullWith(row("长期", "达成", "20", "20")))), "WEIGHTS_NOT_100");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("overall.indicators");
      assertThat(f.message()).contains("90 分").contains("应为 100 分");
    }

    @Test
    void notRaisedAt100NorWithoutIndicatorRows() {
      assertThat(withCode(findings(overall(Build.fullTable())), "WEIGHTS_NOT_100")).isEmpty();
      assertThat(withCode(findings(overall(table(List.of(total("10", "10"))))), "WEIGHTS_NOT_100")).isEmpty();
    }
  }

  @Nested
  class ScoreAboveWeight {
    @Test
    void raisedForSelfAndReviewScoresAndTheTotalRow() {
      FundsRow totalRow = new FundsRow(FundsLine.TOTAL, null, d("1000"), d("1000"), d("1000"), null, d("12"), null, null);
      SelfEvaluationTable t = table(List.of(totalRow), row("=3次", "3次", "30", "31"),
          Build.reviewed(row("≥98%", "98%", "30", "30"), "35"), row("长期", "达成", "30", "30"));
      List<Finding> all = findings(overall(t));
      assertThat(withCode(all, "SCORE_ABOVE_WEIGHT")).extracting(Finding::path).containsExactly(
          "overall.funds[TOTAL].selfScore", "overall.indicators[0].selfScore", "overall.indicators[1].reviewScore");
      assertThat(withCode(all, "SCORE_ABOVE_WEIGHT")).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void notRaisedAtOrBelowTheWeight() {
      assertThat(withCode(findings(overall(Build.fullTable())), "SCORE_ABOVE_WEIGHT")).isEmpty();
    }
  }

  @Nested
  class MissingDeviationReason {
    @Test
    void aScoreBelowWeightWithoutReasonIsAWarning() {
      // 003 附件4: a 20-point 数量指标 scored 10, reason column empty
      Finding f = only(findings(overall(fullWith(row("12个", "12个", "30", "20")))), "MISSING_DEVIATION_REASON");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("overall.indicators[2].deviationReason");
    }

    @Test
    void aMeasuredShortfallWithoutReasonIsAnError() {
      Finding f = only(findings(overall(fullWith(row("95%以上", "90%", "30", "30")))), "MISSING_DEVIATION_REASON");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("90%").contains("95%以上");
    }

    @Test
    void bothReasonsGiveOneErrorForTheRow() {
      Finding f = only(findings(overall(fullWith(row("95%以上", "90%", "30", "20")))), "MISSING_DEVIATION_REASON");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void notRaisedWithAReasonOrOnUnfilledRows() {
      assertThat(withCode(findings(overall(fullWith(row("95%以上", "90%", "30", "20", "受疫情影响，下年加强宣传")))),
          "MISSING_DEVIATION_REASON")).isEmpty();
      assertThat(withCode(findings(overall(fullWith(row("95%以上", "90%", "30", "20", "　")))),
          "MISSING_DEVIATION_REASON")).hasSize(1);
      assertThat(withCode(findings(overall(fullWith(row("95%以上", "90%", "30", null)))), "MISSING_DEVIATION_REASON"))
          .isEmpty();
      assertThat(withCode(findings(overall(fullWith(row("95%以上", "90%", null, "20")))), "MISSING_DEVIATION_REASON"))
          .isEmpty();
    }
  }

  @Nested
  class SumMismatch {
    @Test
    void sourceLinesMustAddUpToTheTotal() {
      SelfEvaluationTable t = table(List.of(total("1000", "1000"), funds(FundsLine.GENERAL_BUDGET, "1000", "1000", "900"),
          funds(FundsLine.OTHER_FUNDS, null, null, "50")));
      Finding f = only(findings(overall(t)), "SUM_MISMATCH");
      assertThat(f.path()).isEqualTo("overall.funds[TOTAL].executed");
      assertThat(f.message()).contains("950.00元").contains("1000.00元");
      // initialBudget and adjustedBudget: 900 vs 1000 as well
      assertThat(withCode(findings(overall(table(List.of(total("1000", "1000"),
          funds(FundsLine.GENERAL_BUDGET, "900", "900", "1000"))))), "SUM_MISMATCH"))
          .extracting(Finding::path).containsExactly("overall.funds[TOTAL].adjustedBudget", "overall.funds[TOTAL].initialBudget");
    }

    @Test
    void natureLinesAndBasicPartsMustAddUp() {
      SelfEvaluationTable t = table(List.of(total("1000", "1000"), funds(FundsLine.BASIC, "600", "600", "600"),
          funds(FundsLine.PROJECT, "400", "400", "400"), funds(FundsLine.PERSONNEL, "500", "500", "500"),
          funds(FundsLine.OPERATING, "90", "90", "90")));
      List<Finding> sums = withCode(findings(overall(t)), "SUM_MISMATCH");
      assertThat(sums).extracting(Finding::path).containsExactly("overall.funds[BASIC].adjustedBudget",
          "overall.funds[BASIC].executed", "overall.funds[BASIC].initialBudget");
    }

    @Test
    void basicPartsStandInForAMissingBasicRow() {
      // 004: 人员类 + 运转类公用经费 + 其他运转类 + 特定目标类 = 资金总额, no 基本支出 row
      SelfEvaluationTable t = table(List.of(total("3104531.58", "3647981.22", "3647981.22", "10", "10"),
          funds(FundsLine.PERSONNEL, "2088782.74", "2070407.84", "2070407.84"),
          funds(FundsLine.OPERATING, "205748.84", "255573.38", "255573.38"),
          funds(FundsLine.OTHER_OPERATING, "0", "0", "0"),
          funds(FundsLine.PROJECT, "810000", "1322000", "1322000")));
      assertThat(withCode(findings(overall(t), 2024), "SUM_MISMATCH")).isEmpty();
      SelfEvaluationTable off = table(List.of(total("3104531.58", "3647981.22", "3647981.22", "10", "10"),
          funds(FundsLine.PERSONNEL, "2088782.74", "2070407.84", "2070407.84"),
          funds(FundsLine.PROJECT, "810000", "1322000", "1322000")));
      assertThat(withCode(findings(overall(off), 2024), "SUM_MISMATCH")).hasSize(3);
    }

    @Test
    void linesWithoutAValueInAColumnAreNotPresent() {
      // 003 附件4: 上年结转资金 blank, 其他资金 only 年初 0
      SelfEvaluationTable t = table(List.of(total("180000", "180000", "180000", "10", "10"),
          funds(FundsLine.CURRENT_YEAR, "180000", "180000", "180000"), funds(FundsLine.CARRIED_OVER, null, null, null),
          funds(FundsLine.OTHER_FUNDS, "0", null, null)));
      assertThat(withCode(findings(overall(t)), "SUM_MISMATCH")).isEmpty();
    }

    @Test
    void threePublicAndProjectItemsInTheBasicData() {
      List<Finding> all = findings(Build.basic(costRow(CostLine.THREE_PUBLIC, "19100", "18100", "18100"),
          costRow(CostLine.OFFICIAL_RECEPTION, "19100", "18100", "17100"), costRow(CostLine.OFFICIAL_VEHICLES, null, null, null),
          costRow(CostLine.PROJECT, "0", "525000", "525000"), costRow(CostLine.PROJECT_ITEM, "0", "180000", "180000"),
          costRow(CostLine.PROJECT_ITEM, "0", "345000", "345000")));
      assertThat(withCode(all, "SUM_MISMATCH")).extracting(Finding::path)
          .containsExactly("basicData.costs[THREE_PUBLIC].finalAccount");
      List<Finding> projects = findings(Build.basic(costRow(CostLine.PROJECT, "0", "575000", "525000"),
          costRow(CostLine.PROJECT_ITEM, "0", "180000", "180000"), costRow(CostLine.PROJECT_ITEM, "0", "345000", "345000")));
      assertThat(withCode(projects, "SUM_MISMATCH")).extracting(Finding::path)
          .containsExactly("basicData.costs[PROJECT].budget");
    }

    @Test
    void aTotalTheFormRoundedIsNoMismatch() {
      // 001: 各项项目预算共为21.2万元, the five projects 7.821 + 4.51 + 3.952 + 2 + 2.92 = 21.203万元
      ReportContent rounded = Build.narrative(ReportContent.empty(), section("general-budget", "",
          figure("项目预算", "212000", null, "78210", "45100", "39520", "20000", "29200")));
      assertThat(findings(rounded)).isEmpty();
      // ... but 21.2 against parts of 21.26: that is not rounding to one decimal
      ReportContent off = Build.narrative(ReportContent.empty(), section("general-budget", "",
          figure("项目预算", "212000", null, "78210", "45100", "39520", "20000", "29800")));
      assertThat(only(findings(off), "SUM_MISMATCH").path()).isEqualTo("narrative[general-budget].figures[0].amount");
      // a total in 元 with 角分 is exact; so is a round total of few digits (0.1万元 is no rounding of 0.095万元)
      assertThat(Rounding.agrees(new BigDecimal("3647981.22"), new BigDecimal("3647981.20"))).isFalse();
      assertThat(Rounding.agrees(new BigDecimal("1000"), new BigDecimal("950"))).isFalse();
      // two decimals in 万元: 12.35万元 for 12.3549万元; not for 12.3551
      assertThat(Rounding.agrees(new BigDecimal("123500"), new BigDecimal("123549"))).isTrue();
      assertThat(Rounding.agrees(new BigDecimal("123500"), new BigDecimal("123551"))).isFalse();
      // and in the tables: the sources of a rounded total
      SelfEvaluationTable t = table(List.of(total("212000", "212000"), funds(FundsLine.GENERAL_BUDGET, "212030", "212030", "212030")));
      assertThat(withCode(findings(overall(t)), "SUM_MISMATCH")).isEmpty();
    }

    @Test
    void narrativePartsMustAddUpToTheStatedAmount() {
      // 003 附件5: 18 + 15.85 + 3.51 + 15.14 + 0 + 5 = 57.5 against a stated 52.5万元
      ReportContent c = Build.narrative(ReportContent.empty(), section("general-budget", "",
          figure("省级专项资金", "525000", null, "180000", "158500", "35100", "151400", "0", "50000")));
      Finding f = only(findings(c), "SUM_MISMATCH");
      assertThat(f.path()).isEqualTo("narrative[general-budget].figures[0].amount");
      assertThat(f.message()).contains("57.5万元").contains("525000.00元");
      ReportContent ok = Build.narrative(ReportContent.empty(), section("general-budget", "",
          figure("省级专项资金", "575000", null, "180000", "158500", "35100", "151400", "0", "50000")));
      assertThat(findings(ok)).isEmpty();
    }
  }

  @Nested
  class OverBudgetUnexplained {
    @Test
    void executedAboveBudgetWithoutExplanationIsAnError() {
      // 000: 基本支出 budget 32.77万元, executed 48.62万元 (only 年初预算 stated)
      SelfEvaluationTable t = table(List.of(funds(FundsLine.BASIC, "327700", null, "486200")));
      Finding f = only(findings(overall(t)), "OVER_BUDGET_UNEXPLAINED");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("overall.funds[BASIC].executed");
      assertThat(f.message()).contains("48.62万元").contains("32.77万元");
    }

    @Test
    void notRaisedWithAnExplanationOrWithinTheAdjustedBudget() {
      FundsRow explained = new FundsRow(FundsLine.BASIC, null, d("327700"), d("327700"), d("486200"), null, null, null,
          "人员工资调整");
      assertThat(withCode(findings(overall(table(List.of(explained)))), "OVER_BUDGET_UNEXPLAINED")).isEmpty();
      // over the initial budget but within the adjusted one: the budget was adjusted, nothing to explain
      assertThat(withCode(findings(overall(table(List.of(funds(FundsLine.BASIC, "327700", "486200", "486200"))))),
          "OVER_BUDGET_UNEXPLAINED")).isEmpty();
    }

    @Test
    void aCostRowOverItsBudgetIsAWarning() {
      Finding f = only(findings(Build.basic(costRow(CostLine.BASIC, "1393800", "327700", "486200"))),
          "OVER_BUDGET_UNEXPLAINED");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("basicData.costs[BASIC].finalAccount");
      assertThat(findings(Build.basic(costRow(CostLine.BASIC, "1393800", "2923100", "2923100")))).isEmpty();
    }
  }

  @Nested
  class DateOutOfYear {
    @Test
    void anIndicatorDateOutsideTheYearIsAnError() {
      // 004: 完成时间 "2324年12月31日" in a 2024 table
      Finding f = only(findings(overall(fullWith(row("2324年12月31日", "达成预期指标", "30", "30"))), 2024),
          "DATE_OUT_OF_YEAR");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("overall.indicators[2].target");
      assertThat(f.message()).contains("2324年12月31日").contains("2024");
      Finding actual = only(findings(overall(fullWith(row("2024年12月31日", "2025年3月1日", "30", "0", "延期"))), 2024),
          "DATE_OUT_OF_YEAR");
      assertThat(actual.path()).isEqualTo("overall.indicators[2].actual");
    }

    @Test
    void anIndicatorDateInTheYearIsFine() {
      assertThat(findings(overall(fullWith(row("2024年12月31日", "2024-12-20", "30", "30"))), 2024)).isEmpty();
    }

    @Test
    void theFillingDateMustBeInTheYearOrTheNext() {
      ReportContent dated = new ReportContent(null, null, List.of(), List.of(),
          new Filling("肖桂芳", "13874763461", LocalDate.of(2022, 6, 29)), List.of());
      assertThat(findings(dated, 2021)).isEmpty();
      assertThat(findings(dated, 2022)).isEmpty();
      Finding f = only(findings(dated, 2024), "DATE_OUT_OF_YEAR");
      assertThat(f.path()).isEqualTo("filling.date");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(findings(dated, 2020)).hasSize(1);
    }

    @Test
    void aNarrativeAboutAnotherYearIsAWarning() {
      // 001: a 2025 report whose 分项 results are 2024's, while another paragraph says 2025 for the same 92户
      String text = "2025年本部门收入年初预算安排为219.86万元。2025年我单位所有专项均按照相关管理制度执行。"
          + "2025年为全区5名考入高校的女孩提供助学金。2024年计生协共为全区2607户投保意外伤害保险。"
          + "2025年对全区92户计生特殊家庭给予慰问。2024年对全区92户计生特殊家庭给予慰问。";
      ReportContent c = Build.narrative(ReportContent.empty(), section("basic", "无"), section("goals", text));
      Finding f = only(findings(c, 2025), "DATE_OUT_OF_YEAR");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("narrative[goals].text");
      assertThat(f.message()).contains("2 处叙述 2024 年").contains("2025 年共提及 4 次");
      // the same text judged as a 2024 report: it is mostly about 2025
      assertThat(only(findings(c, 2024), "DATE_OUT_OF_YEAR").message()).contains("4 处叙述 2025 年");
      // judged as a 2023 report, a year it never names
      assertThat(findings(c, 2023)).extracting(Finding::code).containsExactly(FindingCode.DATE_OUT_OF_YEAR);
    }

    @Test
    void citingThePriorYearInAnOrdinaryReportIsFine() {
      // 003 附件5 and the basic data's 2021年决算数, in a 2022 report
      String text = "2022年“三公”经费预算数为1.81万元。2022年“三公”经费预算较2021年减少0.1万元。"
          + "2021年决算数139.38万元，2022年决算数292.31万元。与2021年相比，支出增加。2021年末结余0元。"
          + "2023年将继续加强预算管理。2023年计划开展培训2期。";
      ReportContent c = Build.narrative(ReportContent.empty(), section("basic", text));
      assertThat(findings(c, 2022)).isEmpty();
      // 002: a baseline in a sentence that names the report's year, and one historical aside
      String aside = "2021年度三公经费支出1.91万元，2020年三公经费支出2.13万元，减少0.22万元。"
          + "表彰了2020年度优秀会员15名。2021年全县着力打造14个服务乡村振兴战略先进村。2021年完成换届。";
      assertThat(findings(Build.narrative(ReportContent.empty(), section("performance", aside)), 2021)).isEmpty();
      // even when the report year is barely named, comparisons alone do not count
      ReportContent sparse = Build.narrative(ReportContent.empty(), section("basic", "较2021年减少0.1万元，比2021年同期增加。"));
      assertThat(findings(sparse, 2022)).isEmpty();
    }

    @Test
    void aHistoricalAsideInALongReportIsFine() {
      StringBuilder text = new StringBuilder("2019年被评为全省先进单位。2019年完成机构改革。");
      for (int i = 0; i < 10; i++) {
        text.append("2022年开展活动").append(i + 1).append("场。");
      }
      assertThat(findings(Build.narrative(ReportContent.empty(), section("basic", text.toString())), 2022)).isEmpty();
      assertThat(findings(Build.narrative(ReportContent.empty(), section("basic", "2019年完成机构改革。")), 2022))
          .extracting(Finding::code).containsExactly(FindingCode.DATE_OUT_OF_YEAR); // the report's year never named
    }
  }

  @Nested
  class MagnitudeSuspect {
    @Test
    void aStatedFigureTenThousandTimesOffTheTableIsAWarning() {
      // 003 附件5: 三公经费预算数为 1.81元, the table says 1.81万元
      ReportContent base = Build.basic(costRow(CostLine.THREE_PUBLIC, "19100", "18100", "18100"),
          costRow(CostLine.OFFICIAL_RECEPTION, "19100", "18100", "18100"));
      ReportContent c = Build.narrative(base,
          section("basic", "", figure("三公经费预算数", "1.81", "basicData.costs[THREE_PUBLIC].budget")));
      Finding f = only(findings(c), "MAGNITUDE_SUSPECT");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("narrative[basic].figures[0].amount");
      assertThat(withCode(findings(c), "NARRATIVE_FIGURE_MISMATCH")).isEmpty();
    }

    @Test
    void aCostColumnOffFromItsNeighboursIsAWarning() {
      Finding f = only(findings(Build.basic(costRow(CostLine.OFFICE, "262600", "33.59", "335900"))), "MAGNITUDE_SUSPECT");
      assertThat(f.path()).isEqualTo("basicData.costs[OFFICE].budget");
    }

    @Test
    void aFundsColumnOffFromItsNeighboursIsAWarning() {
      SelfEvaluationTable t = table(List.of(total("180000", "180000", "18", "10", null)));
      Finding f = only(findings(overall(t)), "MAGNITUDE_SUSPECT");
      assertThat(f.path()).isEqualTo("overall.funds[TOTAL].executed");
    }

    @Test
    void zerosAndOrdinaryDifferencesNeverCount() {
      assertThat(withCode(findings(Build.basic(costRow(CostLine.OFFICE, "0", "335900", "335900"))), "MAGNITUDE_SUSPECT"))
          .isEmpty();
      assertThat(withCode(findings(Build.basic(costRow(CostLine.BASIC, "1393800", "2923100", "2923100"))),
          "MAGNITUDE_SUSPECT")).isEmpty();
      // a factor of 1000 or 100000 is not a 万 slip
      assertThat(Magnitude.suspect(d("1000"), d("1"))).isFalse();
      assertThat(Magnitude.suspect(d("100000"), d("1"))).isFalse();
      assertThat(Magnitude.suspect(d("18100"), d("1.81"))).isTrue();
      assertThat(Magnitude.suspect(d("1.81"), d("18100"))).isTrue();
    }
  }

  @Nested
  class NarrativeFigureMismatch {
    @Test
    void aStatedFigureThatContradictsTheTableIsAWarning() {
      // 003 附件5: 项目支出 0万元 in one place, 52.5万元 in another
      ReportContent base = Build.basic(costRow(CostLine.PROJECT, "0", "525000", "525000"));
      ReportContent c = Build.narrative(base,
          section("performance", "", figure("项目支出", "0", "basicData.costs[PROJECT].finalAccount")));
      Finding f = only(findings(c), "NARRATIVE_FIGURE_MISMATCH");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("narrative[performance].figures[0].amount");
      assertThat(f.message()).contains("0.00元").contains("525000.00元");
    }

    @Test
    void aMatchingOrUnresolvableFigureIsFine() {
      ReportContent base = Build.basic(costRow(CostLine.PROJECT, "0", "525000", "525000"));
      assertThat(findings(Build.narrative(base,
          section("performance", "", figure("项目支出", "525000.00", "basicData.costs[PROJECT].finalAccount"),
              figure("其他", "1", "basicData.costs[PROCUREMENT].budget"), figure("无", "1", "nonsense")))))
          .isEmpty();
    }
  }

  @Nested
  class SelfScoreDiffers {
    @Test
    void aSelfScoreOtherThanTheSuggestionIsAWarning() {
      Finding f = only(findings(overall(fullWith(row("95%以上", "90%", "30", "27", "宣传不足")))), "SELF_SCORE_DIFFERS");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("overall.indicators[2].selfScore");
      assertThat(f.message()).contains("28.42").contains("27");
    }

    @Test
    void theTotalRowScoreIsComparedWithTheExecutionScore() {
      SelfEvaluationTable t = table(List.of(total("1000", "1000", "900", "10", "10")));
      Finding f = only(findings(overall(t)), "SELF_SCORE_DIFFERS");
      assertThat(f.path()).isEqualTo("overall.funds[TOTAL].selfScore");
      assertThat(f.message()).contains("9 分").contains("10 分");
    }

    @Test
    void notRaisedForEqualScoresOrQualitativeRows() {
      assertThat(withCode(findings(overall(fullWith(row("95%以上", "95%", "30", "30.00")))), "SELF_SCORE_DIFFERS"))
          .isEmpty();
      assertThat(withCode(findings(overall(fullWith(row("有效提升", "达成预期指标", "30", "27", "原因")))),
          "SELF_SCORE_DIFFERS")).isEmpty();
      assertThat(withCode(findings(overall(table(List.of(total("1000", "1000", "1000", "10", "10"))))),
          "SELF_SCORE_DIFFERS")).isEmpty();
    }
  }

  @Nested
  class StatedTotalMismatch {
    @Test
    void aStatedTotalOtherThanTheComputedOneIsAnError() {
      // 003 附件4 first project: computed 89, stated 99
      SelfEvaluationTable t = stated(fullWith(row("12个", "12个", "30", "20", "经费不足")), "99", null);
      Finding f = only(findings(overall(t)), "STATED_TOTAL_MISMATCH");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("overall.statedTotal");
      assertThat(f.message()).isEqualTo("各行得分合计 90 分，与表中总分 99 分不符");
    }

    @Test
    void aMatchingStatedTotalIsFine() {
      assertThat(findings(overall(stated(Build.fullTable(), "100.00", null)))).isEmpty();
    }
  }

  @Nested
  class StatedGradeMismatch {
    @Test
    void aGradeThatContradictsTheBandsIsAnError() {
      // 002: 98 分 called 良好
      SelfEvaluationTable t = stated(fullWith(row("12个", "12个", "30", "28", "略有不足")), "98", "良好");
      Finding f = only(findings(overall(t)), "STATED_GRADE_MISMATCH");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("overall.statedGrade");
      assertThat(f.message()).contains("98 分").contains("优").contains("良好");
    }

    @Test
    void withoutAStatedTotalTheComputedTotalIsJudged() {
      assertThat(withCode(findings(overall(stated(Build.fullTable(), null, "良"))), "STATED_GRADE_MISMATCH")).hasSize(1);
      assertThat(findings(overall(stated(Build.fullTable(), null, "优")))).isEmpty();
    }

    @Test
    void theStatedTotalIsJudgedWhenPresent() {
      // the grade agrees with what the form says even though the form's total is wrong: one finding, not two
      List<Finding> all = findings(overall(stated(Build.fullTable(), "85", "良好")));
      assertThat(all.stream().map(Finding::code).collect(Collectors.toSet())).containsExactly(FindingCode.STATED_TOTAL_MISMATCH);
    }

    @Test
    void unrecognisedWordingIsAnError() {
      Finding f = only(findings(overall(stated(Build.fullTable(), null, "满意"))), "STATED_GRADE_MISMATCH");
      assertThat(f.message()).contains("无法识别");
    }
  }

  @Test
  void findingsAreSortedErrorsFirstThenByPath() {
    SelfEvaluationTable t = table(List.of(total("1000", "1000", "900", "10", "10")),
        row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"),
        row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"),
        row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"),
        row("=3次", "3次", "2", "3"), row("=3次", "3次", "2", "3"));
    List<Finding> all = findings(overall(t));
    List<Finding> errors = all.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertThat(all.subList(0, errors.size())).isEqualTo(errors);
    List<String> paths = withCode(all, "SCORE_ABOVE_WEIGHT").stream().map(Finding::path).toList();
    assertThat(paths.get(1)).isEqualTo("overall.indicators[1].selfScore");
    assertThat(paths.get(paths.size() - 1)).isEqualTo("overall.indicators[10].selfScore");
  }

  @Test
  void acknowledgementsDoNotRemoveFindings() {
    SelfEvaluationTable t = table(List.of(total("1000", "1000", "900", "10", "10")));
    ReportContent c = new ReportContent(null, t, List.of(), List.of(), null,
        List.of(new Acknowledgement("SELF_SCORE_DIFFERS@overall.funds[TOTAL].selfScore", "已核实")));
    assertThat(withCode(findings(c), "SELF_SCORE_DIFFERS")).hasSize(1);
  }

  @Test
  void projectTablesUseTheirOwnPaths() {
    SelfEvaluationTable t = table(List.of(total("180000", "180000", "180000", "10", "10"),
        funds(FundsLine.CURRENT_YEAR, "180000", "170000", "180000")), row("12个", "12个", "90", "80"));
    Evaluation e = Evaluator.evaluate(Build.withProjects(new Project("LDRK", "流出人口计生协会专项经费", null, t)), T, 2022);
    assertThat(e.findings()).extracting(Finding::path).contains(
        "projects[LDRK].table.funds[CURRENT_YEAR].executed", "projects[LDRK].table.funds[TOTAL].adjustedBudget",
        "projects[LDRK].table.indicators[0].deviationReason");
  }
}
