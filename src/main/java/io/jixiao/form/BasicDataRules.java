package io.jixiao.form;

import static io.jixiao.form.Findings.yuan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Checks the basic data table (附件1): its sums, over-spending and 万元/元 slips. */
final class BasicDataRules {

  private static final Set<CostLine> THREE_PUBLIC_PARTS =
      Set.of(CostLine.OFFICIAL_VEHICLES, CostLine.OVERSEAS_TRAVEL, CostLine.OFFICIAL_RECEPTION);
  private static final String[] FIELDS = {"priorYearFinal", "budget", "finalAccount"};
  private static final String[] NAMES = {"上年决算数", "本年预算数", "本年决算数"};

  private BasicDataRules() {}

  static void check(BasicDataTable basic, Findings findings) {
    if (basic == null) {
      return;
    }
    List<CostRow> costs = basic.costs();
    for (int i = 0; i < costs.size(); i++) {
      CostRow row = costs.get(i);
      if (row.line() == null) {
        continue;
      }
      String rowPath = Paths.costRow(costs, i);
      // No explanation column here, so a warning the preparer acknowledges with a note.
      if (row.finalAccount() != null && row.budget() != null && row.finalAccount().compareTo(row.budget()) > 0) {
        findings.warning(FindingCode.OVER_BUDGET_UNEXPLAINED, rowPath + ".finalAccount",
            label(row) + "本年决算数 " + yuan(row.finalAccount()) + "超过本年预算数 " + yuan(row.budget()) + "，请说明原因");
      }
      Magnitude.check(findings, rowPath, label(row), FIELDS, NAMES,
          new BigDecimal[] {row.priorYearFinal(), row.budget(), row.finalAccount()});
    }
    for (int c = 0; c < FIELDS.length; c++) {
      String field = FIELDS[c];
      Function<CostRow, BigDecimal> value = r -> Paths.costField(r, field);
      checkSum(costs, CostLine.THREE_PUBLIC, THREE_PUBLIC_PARTS, field, NAMES[c], value, findings,
          "公务用车购置和维护经费、出国经费、公务接待");
      checkSum(costs, CostLine.PROJECT, Set.of(CostLine.PROJECT_ITEM), field, NAMES[c], value, findings,
          "各项目");
    }
  }

  private static void checkSum(List<CostRow> costs, CostLine totalLine, Set<CostLine> parts, String field,
      String name, Function<CostRow, BigDecimal> value, Findings findings, String partsName) {
    int totalIndex = -1;
    for (int i = 0; i < costs.size() && totalIndex < 0; i++) {
      if (costs.get(i).line() == totalLine) {
        totalIndex = i;
      }
    }
    if (totalIndex < 0 || value.apply(costs.get(totalIndex)) == null) {
      return;
    }
    boolean present = false;
    BigDecimal sum = BigDecimal.ZERO;
    for (CostRow row : costs) {
      if (row.line() != null && parts.contains(row.line()) && value.apply(row) != null) {
        present = true;
        sum = sum.add(value.apply(row));
      }
    }
    BigDecimal total = value.apply(costs.get(totalIndex));
    if (present && !Rounding.agrees(total, sum)) {
      findings.error(FindingCode.SUM_MISMATCH, Paths.costRow(costs, totalIndex) + "." + field,
          partsName + name + "合计 " + yuan(sum) + "，与" + label(costs.get(totalIndex)) + " " + yuan(total) + "不符");
    }
  }

  static String label(CostRow row) {
    if (row.label() != null && !row.label().isBlank()) {
      return row.label().strip();
    }
    return switch (row.line()) {
      case BASIC -> "部门基本支出";
      case PUBLIC_FUNDS -> "公用经费";
      case OFFICE -> "办公费";
      case UTILITIES_TRAVEL -> "水费、电费、差旅费";
      case MEETINGS_TRAINING -> "会议费、培训费";
      case THREE_PUBLIC -> "三公经费";
      case OFFICIAL_VEHICLES -> "公务用车购置和维护经费";
      case OVERSEAS_TRAVEL -> "出国经费";
      case OFFICIAL_RECEPTION -> "公务接待";
      case PROJECT -> "项目支出小计";
      case PROJECT_ITEM -> "项目";
      case PROCUREMENT -> "政府采购金额";
    };
  }
}
