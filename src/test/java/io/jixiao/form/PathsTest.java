package io.jixiao.form;

import static io.jixiao.form.Build.costRow;
import static io.jixiao.form.Build.d;
import static io.jixiao.form.Build.funds;
import static io.jixiao.form.Build.row;
import static io.jixiao.form.Build.table;
import static io.jixiao.form.Build.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathsTest {

  private final BasicDataTable basic = new BasicDataTable(6, 5, List.of(
      costRow(CostLine.BASIC, "1393800", "2923100", "2923100"),
      costRow(CostLine.PROJECT_ITEM, "0", "180000", "180000"),
      costRow(CostLine.PROJECT_ITEM, "0", "345000", "340000"),
      costRow(CostLine.BASIC, "1", "2", "3")),
      List.of(new BuildingRow("会员之家", d("250"), d("250"), null, null)), null);
  private final SelfEvaluationTable overall = Build.stated(table(List.of(total("100", "200"),
      funds(FundsLine.BASIC, "1", "2", "3")), row("=3次", "3次", "30", "29")), "97", "优");
  private final Project project = new Project("P1", "专项",
      new ProjectReport(d("180000"), null, null, null, null, null, null, null),
      table(List.of(funds(FundsLine.CURRENT_YEAR, "180000", "180000", "170000"))));
  private final ReportContent content = new ReportContent(basic, overall, List.of(), List.of(project), null, List.of());

  @Test
  void resolvesBasicDataFields() {
    assertThat(Paths.resolve(content, "basicData.costs[BASIC].budget")).isEqualByComparingTo("2923100");
    assertThat(Paths.resolve(content, "basicData.costs[BASIC#1].finalAccount")).isEqualByComparingTo("3");
    assertThat(Paths.resolve(content, "basicData.costs[PROJECT_ITEM#1].finalAccount")).isEqualByComparingTo("340000");
    assertThat(Paths.resolve(content, "basicData.costs[PROJECT_ITEM].budget")).isEqualByComparingTo("180000");
    assertThat(Paths.resolve(content, "basicData.establishment")).isEqualByComparingTo("6");
    assertThat(Paths.resolve(content, "basicData.buildings[0].actualArea")).isEqualByComparingTo("250");
  }

  @Test
  void resolvesTableFields() {
    assertThat(Paths.resolve(content, "overall.funds[TOTAL].executed")).isEqualByComparingTo("200");
    assertThat(Paths.resolve(content, "overall.funds[BASIC].initialBudget")).isEqualByComparingTo("1");
    assertThat(Paths.resolve(content, "overall.indicators[0].selfScore")).isEqualByComparingTo("29");
    assertThat(Paths.resolve(content, "overall.statedTotal")).isEqualByComparingTo("97");
    assertThat(Paths.resolve(content, " projects[P1].table.funds[CURRENT_YEAR].executed ")).isEqualByComparingTo("170000");
    assertThat(Paths.resolve(content, "projects[P1].report.budgetAmount")).isEqualByComparingTo("180000");
  }

  @Test
  void unknownOrEmptyPathsResolveToNull() {
    for (String p : new String[] {null, "", "overall", "overall.funds[NOPE].executed", "overall.indicators[5].weight",
        "overall.indicators[99999999999].weight", "projects[P2].table.statedTotal", "basicData.costs[PROCUREMENT].budget",
        "basicData.costs[BASIC].label", "narrative[basic].figures[0].amount"}) {
      assertThat(Paths.resolve(content, p)).as(p).isNull();
    }
    assertThat(Paths.resolve(ReportContent.empty(), "basicData.costs[BASIC].budget")).isNull();
  }

  @Test
  void rowKeysNameTheLineAndRepeatedLinesTheirOccurrence() {
    assertThat(Paths.costRow(basic.costs(), 0)).isEqualTo("basicData.costs[BASIC]");
    assertThat(Paths.costRow(basic.costs(), 1)).isEqualTo("basicData.costs[PROJECT_ITEM#0]");
    assertThat(Paths.costRow(basic.costs(), 2)).isEqualTo("basicData.costs[PROJECT_ITEM#1]");
    assertThat(Paths.costRow(basic.costs(), 3)).isEqualTo("basicData.costs[BASIC#1]");
    assertThat(Paths.fundsRow("overall", overall.funds(), 0)).isEqualTo("overall.funds[TOTAL]");
  }

  @Test
  void pathsSortWithNumbersAsNumbers() {
    assertThat(Findings.comparePaths("overall.indicators[2].selfScore", "overall.indicators[10].selfScore")).isNegative();
    assertThat(Findings.comparePaths("overall.indicators", "overall.indicators[0]")).isNegative();
    assertThat(Findings.comparePaths("a[1]", "a[1]")).isZero();
    assertThat(Findings.comparePaths("a[10]", "a[9]")).isPositive();
  }

  @Test
  void commentsMayPointAtTablesSectionsRowsAndTheirFieldsThatExist() {
    ReportContent withSection = new ReportContent(basic, overall,
        List.of(new NarrativeSection("performance", "六、部门整体支出绩效情况", "……", List.of())), List.of(project), null,
        List.of());
    for (String p : new String[] {"overall", "overall.indicators[0]", "overall.indicators[0].deviationReason",
        "overall.funds[TOTAL]", "overall.funds[BASIC].executed", "basicData.costs[PROJECT_ITEM#1]",
        "basicData.buildings[0]", "narrative[performance]", "projects[P1]", "projects[P1].report",
        "projects[P1].table.funds[CURRENT_YEAR]"}) {
      assertThat(CommentTargets.exists(withSection, p)).as(p).isTrue();
    }
    for (String p : new String[] {"overall.indicators[1]", "overall.funds[NOPE]", "narrative[basic]", "projects[P2]",
        "overall.indicators[0].<script>", "basicData.costs[PROJECT_ITEM#2]", "x", "overall.indicators[0].a.b"}) {
      assertThat(CommentTargets.exists(withSection, p)).as(p).isFalse();
    }
  }
}
