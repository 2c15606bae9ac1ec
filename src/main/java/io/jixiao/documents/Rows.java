package io.jixiao.documents;

import io.jixiao.form.Evaluation;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Project;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Summary;
import io.jixiao.form.Template;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rows each table shows, in order, with their merged cells: one statement for the PDF and the
 * workbook, so both print the same table.
 */
final class Rows {

  private Rows() {}

  /** A row of a funds block: a heading (按收入性质分) when {@code row} is null, else a funds row at an indent. */
  record FundsItem(String heading, FundsRow row, int indent) {
    String label() {
      return row == null ? heading : WorkbookLayout.label(row.line());
    }
  }

  /**
   * The funds rows in the official order (total, by source, by nature), stable for rows of one line.
   * The overall table gets the 按收入性质分 / 按支出性质分 headings.
   */
  static List<FundsItem> funds(SelfEvaluationTable table, boolean overall) {
    List<FundsItem> items = new ArrayList<>();
    if (table == null) {
      return items;
    }
    List<FundsRow> sorted = table.funds().stream().filter(Objects::nonNull)
        .sorted(Comparator.comparing(FundsRow::line)).toList();
    boolean sourceHeading = false;
    boolean natureHeading = false;
    for (FundsRow row : sorted) {
      FundsLine line = row.line();
      if (overall && line.isSource() && !sourceHeading) {
        items.add(new FundsItem(WorkbookLayout.BY_SOURCE, null, 0));
        sourceHeading = true;
      }
      if (overall && (line.isNature() || line.isBasicPart()) && !natureHeading) {
        items.add(new FundsItem(WorkbookLayout.BY_NATURE, null, 0));
        natureHeading = true;
      }
      int indent = line == FundsLine.TOTAL ? 0 : line.isBasicPart() ? 2 : 1;
      items.add(new FundsItem(null, row, indent));
    }
    return items;
  }

  /**
   * An indicator row with its merged cells: {@code level1Span}/{@code level2Span} is the number of
   * rows the cell spans from this row, 0 where a cell above covers it.
   */
  record IndicatorItem(IndicatorRow row, String level1, int level1Span, int level2Span) {}

  static List<IndicatorItem> indicators(SelfEvaluationTable table, Template template) {
    List<IndicatorItem> items = new ArrayList<>();
    if (table == null) {
      return items;
    }
    List<IndicatorRow> rows = table.indicators().stream().filter(Objects::nonNull).toList();
    int i = 0;
    while (i < rows.size()) {
      String level1 = key(rows.get(i).level1());
      int end = i;
      BigDecimal weight = BigDecimal.ZERO;
      while (end < rows.size() && key(rows.get(end).level1()).equals(level1)) {
        if (rows.get(end).weight() != null) {
          weight = weight.add(rows.get(end).weight());
        }
        end++;
      }
      String label = level1Name(rows.get(i).level1(), template) + "（" + Formats.score(weight) + "分）";
      int j = i;
      while (j < end) {
        String level2 = key(rows.get(j).level2());
        int end2 = j;
        while (end2 < end && key(rows.get(end2).level2()).equals(level2)) {
          end2++;
        }
        for (int k = j; k < end2; k++) {
          items.add(new IndicatorItem(rows.get(k), label, k == i ? end - i : 0, k == j ? end2 - j : 0));
        }
        j = end2;
      }
      i = end;
    }
    return items;
  }

  private static String key(String s) {
    return s == null ? "" : s.strip();
  }

  /** The template's name of a first-level code (OUTPUT → 产出指标); a name as written stays. */
  static String level1Name(String code, Template template) {
    String c = key(code);
    if (template != null) {
      for (Template.Level1 level1 : template.level1()) {
        if (level1.code().equalsIgnoreCase(c)) {
          return level1.name();
        }
      }
    }
    return switch (c.toUpperCase(java.util.Locale.ROOT)) {
      case "OUTPUT" -> "产出指标";
      case "BENEFIT" -> "效益指标";
      case "SATISFACTION" -> "满意度指标";
      case "COST" -> "成本指标";
      default -> c;
    };
  }

  /** A narrative section's title as written, else the template outline's title for its key. */
  static String sectionTitle(io.jixiao.form.NarrativeSection section, Template template) {
    if (section.title() != null && !section.title().isBlank()) {
      return section.title().strip();
    }
    if (template != null) {
      for (Template.OutlineSection o : template.outline()) {
        if (o.key().equals(section.key())) {
          return o.title();
        }
      }
    }
    return key(section.key());
  }

  /** 分值 of the whole table: the funds TOTAL row's weight plus every indicator weight. */
  static BigDecimal totalWeight(SelfEvaluationTable table) {
    BigDecimal sum = BigDecimal.ZERO;
    if (table == null) {
      return sum;
    }
    for (FundsRow row : table.funds()) {
      if (row != null && row.line() == FundsLine.TOTAL && row.weight() != null) {
        sum = sum.add(row.weight());
      }
    }
    for (IndicatorRow row : table.indicators()) {
      if (row != null && row.weight() != null) {
        sum = sum.add(row.weight());
      }
    }
    return sum;
  }

  /** The project's key in {@link Evaluation#projects()}: its code, or "#index" without one. */
  static Summary projectSummary(Evaluation evaluation, Project project, int index) {
    String key = project.code() == null || project.code().isBlank() ? "#" + index : project.code().strip();
    return evaluation.projects().get(key);
  }
}
