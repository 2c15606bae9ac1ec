package io.jixiao.form;

import static io.jixiao.form.Findings.num;
import static io.jixiao.form.Findings.yuan;
import static io.jixiao.form.Scoring.nz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Scores and checks one self-evaluation table (overall or a project's). */
final class TableRules {

  private final SelfEvaluationTable table;
  private final String path;
  private final Template template;
  private final int year;
  private final Findings findings;

  private TableRules(SelfEvaluationTable table, String path, Template template, int year, Findings findings) {
    this.table = table;
    this.path = path;
    this.template = template;
    this.year = year;
    this.findings = findings;
  }

  /** The table's summary; its suggestions and findings are added to the given collectors. */
  static Summary evaluate(SelfEvaluationTable table, String path, Template template, int year,
      Map<String, BigDecimal> suggestions, Findings findings) {
    if (table == null) {
      BigDecimal zero = BigDecimal.ZERO.setScale(2);
      return new Summary(null, zero, zero, Scoring.grade(zero, template), null, null);
    }
    return new TableRules(table, path, template, year, findings).run(suggestions);
  }

  private Summary run(Map<String, BigDecimal> suggestions) {
    BigDecimal rate = Scoring.executionRate(table);
    BigDecimal executionWeight = Scoring.executionWeight(table, template);
    BigDecimal executionScore = Scoring.executionScore(rate, executionWeight);
    FundsRow totalRow = Scoring.totalRow(table);

    BigDecimal total = executionScore;
    BigDecimal review = totalRow != null && totalRow.reviewScore() != null ? totalRow.reviewScore() : executionScore;
    boolean reviewed = totalRow != null && totalRow.reviewScore() != null;
    List<IndicatorRow> rows = table.indicators();
    for (int i = 0; i < rows.size(); i++) {
      IndicatorRow row = rows.get(i);
      if (!row.counts()) {
        continue; // 不适用: neither scored nor counted
      }
      total = Scoring.sum(total, row.selfScore());
      review = Scoring.sum(review, row.reviewScore() != null ? row.reviewScore() : row.selfScore());
      reviewed |= row.reviewScore() != null;
      Measure target = Measure.parse(row.target());
      Measure actual = Measure.parse(row.actual());
      BigDecimal suggested = Scoring.suggest(row, target, actual);
      if (suggested != null) {
        suggestions.put(Paths.indicator(path, i), suggested);
      }
      checkIndicator(row, i, target, actual, suggested);
    }

    checkFunds(executionWeight, executionScore);
    checkWeights(executionWeight);
    checkStated(total);
    Grade grade = Scoring.grade(total, template);
    return new Summary(rate, executionScore, total, grade,
        reviewed ? review : null, reviewed ? Scoring.grade(review, template) : null);
  }

  // ---- indicator rows ----

  private void checkIndicator(IndicatorRow row, int i, Measure target, Measure actual, BigDecimal suggested) {
    String rowPath = Paths.indicator(path, i);
    BigDecimal weight = row.weight();
    if (weight != null) {
      scoreAboveWeight(rowPath + ".selfScore", "得分", row.selfScore(), weight);
      scoreAboveWeight(rowPath + ".reviewScore", "复核得分", row.reviewScore(), weight);
    }
    if (suggested != null && row.selfScore() != null && row.selfScore().compareTo(suggested) != 0) {
      findings.warning(FindingCode.SELF_SCORE_DIFFERS, rowPath + ".selfScore",
          "实际完成值「" + text(row.actual()) + "」对年度指标值「" + text(row.target()) + "」的建议得分为 "
              + num(suggested) + " 分，自评得分为 " + num(row.selfScore()) + " 分");
    }
    missingDeviationReason(row, rowPath, suggested);
    datesInYear(target, row.target(), rowPath + ".target", "年度指标值");
    datesInYear(actual, row.actual(), rowPath + ".actual", "实际完成值");
  }

  /**
   * A row scored below its weight needs a reason (warning); a measured shortfall, an actual below its
   * target, must be explained (error). Rows without weight or self score are not filled yet.
   */
  private void missingDeviationReason(IndicatorRow row, String rowPath, BigDecimal suggested) {
    if (row.weight() == null || row.selfScore() == null
        || (row.deviationReason() != null && !Measure.normalize(row.deviationReason()).isEmpty())) {
      return;
    }
    String reasonPath = rowPath + ".deviationReason";
    if (suggested != null && suggested.compareTo(row.weight()) < 0) {
      findings.error(FindingCode.MISSING_DEVIATION_REASON, reasonPath,
          "实际完成值「" + text(row.actual()) + "」未达到年度指标值「" + text(row.target()) + "」（建议得分 "
              + num(suggested) + " 分，分值 " + num(row.weight()) + " 分），未填写偏差原因分析及改进措施");
    } else if (row.selfScore().compareTo(row.weight()) < 0) {
      findings.warning(FindingCode.MISSING_DEVIATION_REASON, reasonPath,
          "得分 " + num(row.selfScore()) + " 分低于分值 " + num(row.weight()) + " 分，未填写偏差原因分析及改进措施");
    }
  }

  private void datesInYear(Measure m, String written, String fieldPath, String what) {
    if (m.isDate() && m.date().getYear() != year) {
      findings.error(FindingCode.DATE_OUT_OF_YEAR, fieldPath,
          what + "「" + text(written) + "」不在评价年度 " + year + " 年内");
    }
  }

  private void scoreAboveWeight(String scorePath, String what, BigDecimal score, BigDecimal weight) {
    if (score != null && weight != null && score.compareTo(weight) > 0) {
      findings.error(FindingCode.SCORE_ABOVE_WEIGHT, scorePath,
          what + " " + num(score) + " 分超过分值 " + num(weight) + " 分");
    }
  }

  // ---- funds block ----

  private void checkFunds(BigDecimal executionWeight, BigDecimal executionScore) {
    List<FundsRow> funds = table.funds();
    for (int i = 0; i < funds.size(); i++) {
      FundsRow row = funds.get(i);
      String rowPath = Paths.fundsRow(path, funds, i);
      // The TOTAL row falls back to the template's 分值; other rows are judged only with their own.
      BigDecimal weight = row.weight() != null ? row.weight()
          : row.line() == FundsLine.TOTAL ? executionWeight : null;
      scoreAboveWeight(rowPath + ".selfScore", "预算执行得分", row.selfScore(), weight);
      scoreAboveWeight(rowPath + ".reviewScore", "预算执行复核得分", row.reviewScore(), weight);
      overBudget(row, rowPath);
      Magnitude.check(findings, rowPath, label(row),
          new String[] {"initialBudget", "adjustedBudget", "executed"},
          new String[] {"年初预算数", "全年预算数", "全年执行数"},
          new BigDecimal[] {row.initialBudget(), row.adjustedBudget(), row.executed()});
    }
    FundsRow total = Scoring.totalRow(table);
    if (total != null && total.selfScore() != null && total.selfScore().compareTo(executionScore) != 0) {
      findings.warning(FindingCode.SELF_SCORE_DIFFERS, Paths.fundsRow(path, funds, funds.indexOf(total)) + ".selfScore",
          "按执行率计算的预算执行得分为 " + num(executionScore) + " 分，自评得分为 " + num(total.selfScore()) + " 分");
    }
    sums("initialBudget", "年初预算数", FundsRow::initialBudget);
    sums("adjustedBudget", "全年预算数", FundsRow::adjustedBudget);
    sums("executed", "全年执行数", FundsRow::executed);
  }

  /**
   * Executed above the budget needs an explanation. The budget is 全年预算数; while that is not
   * entered, 年初预算数 (000 states only 年初预算 32.77万元 against 执行 48.62万元).
   */
  private void overBudget(FundsRow row, String rowPath) {
    BigDecimal budget = row.adjustedBudget() != null ? row.adjustedBudget() : row.initialBudget();
    if (row.executed() == null || budget == null || row.executed().compareTo(budget) <= 0
        || (row.explanation() != null && !Measure.normalize(row.explanation()).isEmpty())) {
      return;
    }
    findings.error(FindingCode.OVER_BUDGET_UNEXPLAINED, rowPath + ".executed",
        label(row) + "全年执行数 " + yuan(row.executed()) + "超过" + (row.adjustedBudget() != null ? "全年" : "年初")
            + "预算数 " + yuan(budget) + "，未说明原因");
  }

  /**
   * Per column: the source lines add up to TOTAL; the nature lines (基本支出 + 项目支出) add up to
   * TOTAL; the parts of 基本支出 add up to BASIC. Where a table gives the parts of 基本支出 but no BASIC
   * row (004: 人员类 / 运转类 / 其他运转类 / 特定目标类), their sum stands in for BASIC.
   */
  private void sums(String column, String columnName, Function<FundsRow, BigDecimal> value) {
    List<FundsRow> funds = table.funds();
    FundsRow total = first(FundsLine.TOTAL, value);
    FundsRow basic = first(FundsLine.BASIC, value);
    Sum sources = sum(FundsLine::isSource, value);
    Sum basicParts = sum(FundsLine::isBasicPart, value);
    Sum nature = sum(FundsLine::isNature, value);
    if (basic == null && basicParts.present) {
      nature = new Sum(true, nature.total.add(basicParts.total));
    }
    if (total != null) {
      String totalPath = Paths.fundsRow(path, funds, funds.indexOf(total)) + "." + column;
      if (sources.present && !Rounding.agrees(value.apply(total), sources.total)) {
        findings.error(FindingCode.SUM_MISMATCH, totalPath, "按收入性质分各项" + columnName + "合计 "
            + yuan(sources.total) + "，与资金总额 " + yuan(value.apply(total)) + "不符");
      }
      if (nature.present && !Rounding.agrees(value.apply(total), nature.total)) {
        findings.error(FindingCode.SUM_MISMATCH, totalPath, "按支出性质分（基本支出 + 项目支出）" + columnName + "合计 "
            + yuan(nature.total) + "，与资金总额 " + yuan(value.apply(total)) + "不符");
      }
    }
    if (basic != null && basicParts.present && !Rounding.agrees(value.apply(basic), basicParts.total)) {
      findings.error(FindingCode.SUM_MISMATCH, Paths.fundsRow(path, funds, funds.indexOf(basic)) + "." + column,
          "人员类、运转类公用经费、其他运转类" + columnName + "合计 " + yuan(basicParts.total) + "，与基本支出 "
              + yuan(value.apply(basic)) + "不符");
    }
  }

  private record Sum(boolean present, BigDecimal total) {}

  private Sum sum(Predicate<FundsLine> lines, Function<FundsRow, BigDecimal> value) {
    boolean present = false;
    BigDecimal total = BigDecimal.ZERO;
    for (FundsRow row : table.funds()) {
      if (row.line() != null && lines.test(row.line()) && value.apply(row) != null) {
        present = true;
        total = total.add(value.apply(row));
      }
    }
    return new Sum(present, total);
  }

  /** The first row of a line, if it has a value in this column. */
  private FundsRow first(FundsLine line, Function<FundsRow, BigDecimal> value) {
    return table.funds().stream().filter(r -> r.line() == line).findFirst()
        .filter(r -> value.apply(r) != null).orElse(null);
  }

  // ---- table level ----

  private void checkWeights(BigDecimal executionWeight) {
    List<IndicatorRow> applicable = table.indicators().stream().filter(r -> r.counts()).toList();
    if (applicable.isEmpty()) {
      return;
    }
    BigDecimal indicators = BigDecimal.ZERO;
    for (IndicatorRow row : applicable) {
      indicators = indicators.add(nz(row.weight()));
    }
    BigDecimal total = executionWeight.add(indicators);
    if (total.compareTo(Scoring.HUNDRED) != 0) {
      findings.error(FindingCode.WEIGHTS_NOT_100, path + ".indicators", "分值合计 " + num(total) + " 分（预算执行率 "
          + num(executionWeight) + " 分 + 绩效指标 " + num(indicators) + " 分），应为 100 分");
    }
  }

  private void checkStated(BigDecimal total) {
    BigDecimal stated = table.statedTotal();
    if (stated != null && stated.compareTo(total) != 0) {
      findings.error(FindingCode.STATED_TOTAL_MISMATCH, path + ".statedTotal",
          "各行得分合计 " + num(total) + " 分，与表中总分 " + num(stated) + " 分不符");
    }
    String written = table.statedGrade();
    if (written == null || Measure.normalize(written).isEmpty()) {
      return;
    }
    Grade claimed = Scoring.parseGrade(written);
    BigDecimal basis = stated != null ? stated : total;
    Grade expected = Scoring.grade(basis, template);
    if (claimed == null) {
      findings.error(FindingCode.STATED_GRADE_MISMATCH, path + ".statedGrade",
          "评价等级「" + written.strip() + "」无法识别，应为优、良、中、差之一（" + num(basis) + " 分对应「"
              + Scoring.gradeName(expected) + "」）");
    } else if (claimed != expected) {
      findings.error(FindingCode.STATED_GRADE_MISMATCH, path + ".statedGrade",
          (stated != null ? "表中总分 " : "总分 ") + num(basis) + " 分按评价等级标准应为「" + Scoring.gradeName(expected)
              + "」，表中评价等级为「" + written.strip() + "」");
    }
  }

  private static String label(FundsRow row) {
    if (row.label() != null && !row.label().isBlank()) {
      return row.label().strip();
    }
    if (row.line() == null) {
      return "";
    }
    return switch (row.line()) {
      case TOTAL -> "资金总额";
      case GENERAL_BUDGET -> "一般公共预算";
      case GOVERNMENT_FUND -> "政府性基金拨款";
      case SPECIAL_ACCOUNT -> "纳入专户管理的非税收入拨款";
      case CURRENT_YEAR -> "当年财政拨款";
      case CARRIED_OVER -> "上年结转资金";
      case OTHER_FUNDS -> "其他资金";
      case BASIC -> "基本支出";
      case PERSONNEL -> "人员类";
      case OPERATING -> "运转类公用经费";
      case OTHER_OPERATING -> "其他运转类";
      case PROJECT -> "项目支出";
    };
  }

  private static String text(String s) {
    return s == null ? "" : s.strip().replace('\u3000', ' ').strip();
  }
}
