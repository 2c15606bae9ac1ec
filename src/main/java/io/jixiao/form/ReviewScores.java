package io.jixiao.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 复核得分: the finance reviewer's scores, kept in the same rows as the unit's own but owned by
 * finance. A unit's save clears them (what was reviewed has changed); a signature binds to the
 * content without them, so entering review scores does not void the unit head's signature.
 */
public final class ReviewScores {

  private static final Pattern PATH = Pattern.compile(
      "^(overall|projects\\[([^\\]]+)\\]\\.table)\\.(funds\\[TOTAL\\]|indicators\\[(\\d+)\\])$");

  private ReviewScores() {}

  /** The content with every review score removed. */
  public static ReportContent clear(ReportContent content) {
    return apply(content, Map.of(), true);
  }

  /**
   * The content with the given review scores set, by row path: {@code overall.funds[TOTAL]},
   * {@code overall.indicators[3]}, {@code projects[<code>].table.indicators[0]}. Other review scores stay.
   *
   * @throws IllegalArgumentException for a path that names no row, or a score outside [0, weight]
   */
  public static ReportContent apply(ReportContent content, Map<String, BigDecimal> scores) {
    Map<String, BigDecimal> pending = new HashMap<>(scores);
    ReportContent result = apply(content, pending, false);
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException("没有这一行 (no such row): " + String.join(", ", pending.keySet()));
    }
    return result;
  }

  private static ReportContent apply(ReportContent content, Map<String, BigDecimal> scores, boolean clearAll) {
    for (String path : scores.keySet()) {
      if (!PATH.matcher(path).matches()) {
        throw new IllegalArgumentException("无法识别的行路径 (unknown row path): " + path);
      }
    }
    SelfEvaluationTable overall = table(content.overall(), "overall", scores, clearAll);
    List<Project> projects = new ArrayList<>();
    for (Project project : content.projects()) {
      projects.add(new Project(project.code(), project.name(), project.report(),
          table(project.table(), "projects[" + project.code() + "].table", scores, clearAll)));
    }
    return new ReportContent(content.basicData(), overall, content.narrative(), projects, content.filling(),
        content.acknowledgements());
  }

  private static SelfEvaluationTable table(
      SelfEvaluationTable table, String prefix, Map<String, BigDecimal> scores, boolean clearAll) {
    if (table == null) {
      return null;
    }
    List<FundsRow> funds = new ArrayList<>();
    for (FundsRow row : table.funds()) {
      BigDecimal review = row.reviewScore();
      if (clearAll) {
        review = null;
      } else if (row.line() == FundsLine.TOTAL && scores.containsKey(prefix + ".funds[TOTAL]")) {
        review = checked(scores.remove(prefix + ".funds[TOTAL]"), row.weight(), prefix + ".funds[TOTAL]");
      }
      funds.add(new FundsRow(row.line(), row.label(), row.initialBudget(), row.adjustedBudget(), row.executed(),
          row.weight(), row.selfScore(), review, row.explanation()));
    }
    List<IndicatorRow> indicators = new ArrayList<>();
    for (int i = 0; i < table.indicators().size(); i++) {
      IndicatorRow row = table.indicators().get(i);
      String path = prefix + ".indicators[" + i + "]";
      BigDecimal review = row.reviewScore();
      if (clearAll) {
        review = null;
      } else if (scores.containsKey(path)) {
        review = checked(scores.remove(path), row.weight(), path);
      }
      indicators.add(new IndicatorRow(row.level1(), row.level2(), row.name(), row.target(), row.actual(), row.weight(),
          row.selfScore(), review, row.deviationReason(), row.notApplicable()));
    }
    return new SelfEvaluationTable(table.title(), table.supervisor(), table.implementer(), funds, table.goals(),
        indicators, table.statedTotal(), table.statedGrade());
  }

  private static BigDecimal checked(BigDecimal score, BigDecimal weight, String path) {
    if (score == null) {
      return null;
    }
    // Like the rows' own scores (@Digits(integer = 3, fraction = 2)); checked before the value is printed.
    BigDecimal plain = score.stripTrailingZeros();
    if (plain.scale() > 2 || (long) plain.precision() - plain.scale() > 3) {
      throw new IllegalArgumentException(path + " 的复核得分须为不超过 3 位整数、2 位小数的数");
    }
    if (score.signum() < 0 || (weight != null && score.compareTo(weight) > 0)) {
      throw new IllegalArgumentException(path + " 的复核得分 " + score.toPlainString() + " 不在 0 到分值 "
          + (weight == null ? "?" : weight.toPlainString()) + " 之间");
    }
    return score;
  }

  static boolean isRowPath(String path) {
    Matcher matcher = PATH.matcher(path);
    return matcher.matches();
  }
}
