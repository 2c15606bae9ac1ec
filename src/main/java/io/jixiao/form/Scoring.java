package io.jixiao.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The numbers of DOMAIN §4: execution rate and score, suggested indicator scores, totals, grades. */
final class Scoring {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Used when no template is given: 执行率 10, default bands 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差. */
  static final Template DEFAULT_TEMPLATE = new Template("DEFAULT", "默认", BigDecimal.TEN, List.of(),
      List.of(new Template.GradeBand(Grade.EXCELLENT, BigDecimal.valueOf(90)),
          new Template.GradeBand(Grade.GOOD, BigDecimal.valueOf(80)),
          new Template.GradeBand(Grade.FAIR, BigDecimal.valueOf(60)),
          new Template.GradeBand(Grade.POOR, BigDecimal.ZERO)),
      List.of());

  private Scoring() {}

  static FundsRow totalRow(SelfEvaluationTable table) {
    if (table == null) {
      return null;
    }
    return table.funds().stream().filter(r -> r.line() == FundsLine.TOTAL).findFirst().orElse(null);
  }

  /** 分值 of the funds block: the TOTAL row's, else the template's. */
  static BigDecimal executionWeight(SelfEvaluationTable table, Template template) {
    FundsRow total = totalRow(table);
    if (total != null && total.weight() != null) {
      return total.weight();
    }
    return template.executionWeight() == null ? BigDecimal.ZERO : template.executionWeight();
  }

  /**
   * 执行率 = B / A of the TOTAL row, 4 decimals. Null while A is missing or 0 (nothing to divide by,
   * even when B is 0 too) and while B is not yet entered.
   */
  static BigDecimal executionRate(SelfEvaluationTable table) {
    FundsRow total = totalRow(table);
    if (total == null || total.adjustedBudget() == null || total.adjustedBudget().signum() == 0
        || total.executed() == null) {
      return null;
    }
    return total.executed().divide(total.adjustedBudget(), 4, RoundingMode.HALF_UP);
  }

  /** weight × min(rate, 1), 2 decimals; a null rate scores 0. */
  static BigDecimal executionScore(BigDecimal rate, BigDecimal weight) {
    if (rate == null || weight == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal clamped = rate.min(BigDecimal.ONE).max(BigDecimal.ZERO);
    return weight.multiply(clamped).setScale(2, RoundingMode.HALF_UP);
  }

  /** Whether a row is a cost indicator (成本指标), where a money target is a cap. */
  static boolean isCostRow(IndicatorRow row) {
    return "COST".equalsIgnoreCase(strip(row.level1())) || strip(row.level1()).contains("成本")
        || strip(row.level2()).contains("成本");
  }

  /**
   * The suggested score of a quantitative row, 2 decimals, or null when the row is qualitative, not
   * yet filled, or its target and actual are not comparable (different units).
   */
  static BigDecimal suggest(IndicatorRow row) {
    return row == null ? null : suggest(row, Measure.parse(row.target()), Measure.parse(row.actual()));
  }

  static BigDecimal suggest(IndicatorRow row, Measure target, Measure actual) {
    if (row.weight() == null || row.weight().signum() < 0) {
      return null;
    }
    BigDecimal weight = row.weight();
    if (target.isDate()) {
      if (!actual.isDate()) {
        return null;
      }
      return actual.date().isAfter(target.date()) ? BigDecimal.ZERO.setScale(2) : weight.setScale(2);
    }
    if (!target.isNumber() || !actual.isNumber()) {
      return null;
    }
    if (actual.isPercent() && !target.isPercent()) {
      // target "240户", actual "100%": the actual is a completion ratio
      return ratio(weight, actual.value(), HUNDRED);
    }
    if (!target.baseUnit().isEmpty() && !actual.baseUnit().isEmpty()
        && !target.baseUnit().equals(actual.baseUnit())) {
      return null;
    }
    BigDecimal t = target.value();
    BigDecimal a = actual.value();
    boolean higherIsBetter = target.op().higherIsBetter();
    if (higherIsBetter && target.op() == Measure.Op.EQ && target.isMoney() && isCostRow(row)) {
      // DOMAIN §4 "cost caps": "=20.57万元" under 成本指标 is a budget cap, not a quantity to reach
      higherIsBetter = false;
    }
    if (higherIsBetter) {
      return t.signum() == 0 ? weight.setScale(2) : ratio(weight, a, t);
    }
    if (a.compareTo(t) <= 0) {
      return weight.setScale(2);
    }
    return weight.multiply(t).divide(a, 2, RoundingMode.HALF_UP);
  }

  /** weight × min(part / whole, 1), never negative; whole > 0. */
  private static BigDecimal ratio(BigDecimal weight, BigDecimal part, BigDecimal whole) {
    if (part.compareTo(whole) >= 0) {
      return weight.setScale(2);
    }
    if (part.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return weight.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
  }

  /** The band of the highest min ≤ total; below every band, the lowest band; null without bands. */
  static Grade grade(BigDecimal total, Template template) {
    if (total == null) {
      return null;
    }
    List<Template.GradeBand> bands = template.gradeBands().stream()
        .filter(b -> b != null && b.grade() != null && b.min() != null)
        .sorted(Comparator.comparing(Template.GradeBand::min).reversed())
        .toList();
    for (Template.GradeBand band : bands) {
      if (band.min().compareTo(total) <= 0) {
        return band.grade();
      }
    }
    return bands.isEmpty() ? null : bands.get(bands.size() - 1).grade();
  }

  /** 评价等级 as written: 优/优秀, 良/良好, 中/中等/合格, 差/较差/不合格; null when not recognised. */
  static Grade parseGrade(String written) {
    String s = Measure.normalize(written).toUpperCase(Locale.ROOT);
    for (String suffix : List.of("等级", "等次", "级", "等")) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        s = s.substring(0, s.length() - suffix.length());
        break;
      }
    }
    return switch (s) {
      case "优", "优秀" -> Grade.EXCELLENT;
      case "良", "良好" -> Grade.GOOD;
      case "中", "中等", "合格" -> Grade.FAIR;
      case "差", "较差", "不合格" -> Grade.POOR;
      default -> null;
    };
  }

  static String gradeName(Grade grade) {
    if (grade == null) {
      return "无";
    }
    return switch (grade) {
      case EXCELLENT -> "优";
      case GOOD -> "良";
      case FAIR -> "中";
      case POOR -> "差";
    };
  }

  static BigDecimal nz(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  /** Adds exactly, shown with at least two decimals. */
  static BigDecimal sum(BigDecimal a, BigDecimal b) {
    BigDecimal s = nz(a).add(nz(b));
    return s.scale() < 2 ? s.setScale(2) : s;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
