package io.jixiao.form;

import static io.jixiao.form.Findings.num;
import static io.jixiao.form.Findings.yuan;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the narrative report (自评报告): its stated figures and which year it describes. */
final class NarrativeRules {

  private static final Pattern YEAR = Pattern.compile("(?<![\\d.])(\\d{4})\\s*年");
  private static final Pattern COMPARISON_BEFORE =
      Pattern.compile("(比|较|与|同|相比|对比|上年|去年|至|到|-|—|–|~|～)$");
  private static final Pattern COMPARISON_AFTER = Pattern.compile("^度?(决算|相比|同期|同比|末|底|以来)");

  private NarrativeRules() {}

  static void check(ReportContent content, int year, Findings findings) {
    List<NarrativeSection> sections = content.narrative();
    for (int s = 0; s < sections.size(); s++) {
      NarrativeSection section = sections.get(s);
      List<StatedFigure> figures = section.figures();
      for (int f = 0; f < figures.size(); f++) {
        figure(content, figures.get(f), Paths.narrative(section, s) + ".figures[" + f + "].amount", findings);
      }
    }
    yearMentions(sections, year, findings);
  }

  private static void figure(ReportContent content, StatedFigure figure, String amountPath, Findings findings) {
    BigDecimal amount = figure.amount();
    String label = figure.label() == null ? "" : figure.label().strip();
    if (amount != null && !figure.parts().isEmpty()) {
      BigDecimal sum = figure.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(amount) != 0) {
        StringBuilder listed = new StringBuilder();
        for (BigDecimal part : figure.parts()) {
          listed.append(listed.length() == 0 ? "" : " + ").append(num(part.movePointLeft(4)));
        }
        findings.error(Findings.SUM_MISMATCH, amountPath, "正文所列" + label + "各项 " + listed + " = "
            + num(sum.movePointLeft(4)) + "万元，与所述合计 " + yuan(amount) + " 不符");
      }
    }
    if (amount == null || figure.refersTo() == null || figure.refersTo().isBlank()) {
      return;
    }
    BigDecimal table = Paths.resolve(content, figure.refersTo());
    if (table == null || table.compareTo(amount) == 0) {
      return;
    }
    if (Magnitude.suspect(amount, table)) {
      findings.warning(Findings.MAGNITUDE_SUSPECT, amountPath, "正文" + label + " " + yuan(amount) + " 与表中 "
          + yuan(table) + " 相差约一万倍，请核对单位（元/万元）");
    } else {
      findings.warning(Findings.NARRATIVE_FIGURE_MISMATCH, amountPath, "正文" + label + " " + yuan(amount)
          + " 与表中 " + yuan(table) + " 不符（" + figure.refersTo().strip() + "）");
    }
  }

  /**
   * Warns when the narrative mostly talks about another year than the one evaluated (001: a report
   * titled 2025 whose figures are 2024's). Every "2024年" in the text counts as a mention, except where
   * it is a comparison or a baseline for another year: "比2021年减少", "较2021年", "2021年决算数",
   * "与上年同期", "2021年末", "2019年以来", a range "2021-2025年". Those are the ordinary way a 2022
   * report cites 2021, and never count. The warning fires when one other year is mentioned at least
   * twice as often as the report's own year (and at least once): a 2022 report that cites 2021 here and
   * there keeps mentioning 2022 more, so it does not fire.
   */
  private static void yearMentions(List<NarrativeSection> sections, int year, Findings findings) {
    int own = 0;
    Map<Integer, Integer> others = new HashMap<>();
    Map<Integer, int[]> perSection = new HashMap<>(); // year -> mentions per section
    for (int s = 0; s < sections.size(); s++) {
      NarrativeSection section = sections.get(s);
      String text = (section.title() == null ? "" : section.title()) + "\n" + (section.text() == null ? "" : section.text());
      Matcher m = YEAR.matcher(text);
      while (m.find()) {
        int y = Integer.parseInt(m.group(1));
        if (y < 1990 || y > 2100) {
          continue;
        }
        if (y == year) {
          own++;
          continue;
        }
        String before = Measure.normalize(text.substring(Math.max(0, m.start() - 6), m.start()));
        String after = Measure.normalize(text.substring(m.end(), Math.min(text.length(), m.end() + 6)));
        if (COMPARISON_BEFORE.matcher(before).find() || COMPARISON_AFTER.matcher(after).find()) {
          continue;
        }
        others.merge(y, 1, Integer::sum);
        perSection.computeIfAbsent(y, k -> new int[sections.size()])[s]++;
      }
    }
    Map.Entry<Integer, Integer> top = others.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElse(null);
    if (top == null || top.getValue() < Math.max(1, 2 * own)) {
      return;
    }
    int[] counts = perSection.get(top.getKey());
    int where = 0;
    for (int s = 1; s < counts.length; s++) {
      if (counts[s] > counts[where]) {
        where = s;
      }
    }
    findings.warning(Findings.DATE_OUT_OF_YEAR, Paths.narrative(sections.get(where), where) + ".text",
        "自评报告正文提及 " + top.getKey() + " 年 " + top.getValue() + " 次，提及评价年度 " + year + " 年仅 " + own
            + " 次，请核对报告所述年度");
  }
}
