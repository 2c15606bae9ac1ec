package io.jixiao.form;

import static io.jixiao.form.Findings.num;
import static io.jixiao.form.Findings.yuan;

import java.math.BigDecimal;
import java.util.ArrayList;
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
  private static final Pattern SENTENCE_END = Pattern.compile("[。；;！!？?\\n]");
  private static final Pattern STAFFING = Pattern.compile("basicData\\.(establishment|staffInPost)");
  private static final Pattern PLAN = Pattern.compile("将|计划|拟|力争|预计|下一步|下年|明年|争取");

  private NarrativeRules() {}

  static void check(ReportContent content, int year, Findings findings) {
    List<NarrativeSection> sections = content.narrative();
    for (int s = 0; s < sections.size(); s++) {
      NarrativeSection section = sections.get(s);
      List<StatedFigure> figures = section.figures();
      for (int f = 0; f < figures.size(); f++) {
        if (figures.get(f).counts()) { // a dismissed figure is not one the tables hold
          figure(content, figures.get(f), Paths.narrative(section, s) + ".figures[" + f + "].amount", findings);
        }
      }
    }
    yearMentions(sections, year, findings);
  }

  private static void figure(ReportContent content, StatedFigure figure, String amountPath, Findings findings) {
    BigDecimal amount = figure.amount();
    String label = figure.label() == null ? "" : figure.label().strip();
    boolean money = figure.kindOrMoney() == FigureKind.MONEY;
    boolean slip = false;
    if (money && amount != null && !figure.parts().isEmpty()) {
      BigDecimal sum = figure.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (Magnitude.suspect(amount, sum)) {
        // 003: 三公经费预算数为 1.81元，其中，公务接待费 1.81万元…: a unit slip, not an arithmetic one
        slip = true;
        findings.warning(FindingCode.MAGNITUDE_SUSPECT, amountPath, "正文「" + label + "」" + yuan(amount)
            + "与所列各项之和 " + yuan(sum) + "相差约一万倍，请核对单位（元/万元）");
      } else if (!Rounding.agrees(amount, sum)) {
        StringBuilder listed = new StringBuilder();
        for (BigDecimal part : figure.parts()) {
          listed.append(listed.length() == 0 ? "" : " + ").append(num(part.movePointLeft(4)));
        }
        findings.error(FindingCode.SUM_MISMATCH, amountPath, "正文「" + label + "」所列各项 " + listed + " = "
            + num(sum.movePointLeft(4)) + "万元，与所述合计 " + yuan(amount) + "不符");
      }
    }
    if (amount == null || figure.refersTo() == null || figure.refersTo().isBlank()) {
      return;
    }
    if (STAFFING.matcher(figure.refersTo().strip()).matches()) {
      return; // CrossTableRules compares the staffing the text states (STAFFING_DIFFERS)
    }
    BigDecimal table = Paths.resolve(content, figure.refersTo());
    if (table == null || table.compareTo(amount) == 0) {
      return;
    }
    if (!money) {
      findings.warning(FindingCode.NARRATIVE_FIGURE_MISMATCH, amountPath, "正文" + label + " " + num(amount)
          + "与表中 " + num(table) + "不符（" + figure.refersTo().strip() + "）");
    } else if (Magnitude.suspect(amount, table)) {
      if (!slip) {
        findings.warning(FindingCode.MAGNITUDE_SUSPECT, amountPath, "正文" + label + " " + yuan(amount) + "与表中 "
            + yuan(table) + "相差约一万倍，请核对单位（元/万元）");
      }
    } else {
      findings.warning(FindingCode.NARRATIVE_FIGURE_MISMATCH, amountPath, "正文" + label + " " + yuan(amount)
          + "与表中 " + yuan(table) + "不符（" + figure.refersTo().strip() + "）");
    }
  }

  /**
   * Warns when the narrative describes another year than the one evaluated (001: a 2025 report whose
   * 分项 results read "2024年计生协共为全区2607户…" and "2024年对全区92户…", last year's text carried
   * over, while another paragraph says 2025 for the same 92户).
   *
   * <p>Only <em>descriptive</em> mentions of another year count. A mention is not descriptive when it
   * is the ordinary way a report cites other years: a comparison or baseline by its wording ("比2021年",
   * "较2021年", "与2021年相比", "2021年决算数", "2021年同期", "2021年末", "2019年以来", a range
   * "2021-2025年"); or inside a sentence that also names the report's year ("2021年度三公经费支出1.91万元，
   * 2020年…2.13万元，减少0.22万元"); or a later year in a sentence about plans (将, 计划, 下一步…). So a 2022
   * report citing 2021 figures never fires. It fires when one other year has descriptive mentions in
   * at least two sentences and at least a quarter as many as the report's own year has mentions (or
   * any, when the report's year is not named at all): a long report with one historical aside
   * (002: "表彰了2020年度优秀会员") does not.
   */
  private static void yearMentions(List<NarrativeSection> sections, int year, Findings findings) {
    int own = 0;
    Map<Integer, Integer> others = new HashMap<>();
    Map<Integer, int[]> perSection = new HashMap<>(); // year -> descriptive mentions per section
    for (int s = 0; s < sections.size(); s++) {
      NarrativeSection section = sections.get(s);
      String text = (section.title() == null ? "" : section.title()) + "\n" + (section.text() == null ? "" : section.text());
      for (String sentence : SENTENCE_END.split(text)) {
        List<Integer> years = new ArrayList<>();
        List<Boolean> descriptive = new ArrayList<>();
        Matcher m = YEAR.matcher(sentence);
        while (m.find()) {
          int y = Integer.parseInt(m.group(1));
          if (y < 1990 || y > 2100) {
            continue;
          }
          String before = Measure.normalize(sentence.substring(Math.max(0, m.start() - 6), m.start()));
          String after = Measure.normalize(sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 6)));
          years.add(y);
          descriptive.add(!COMPARISON_BEFORE.matcher(before).find() && !COMPARISON_AFTER.matcher(after).find()
              && !(y > year && PLAN.matcher(sentence).find()));
        }
        boolean namesOwnYear = years.contains(year);
        for (int i = 0; i < years.size(); i++) {
          int y = years.get(i);
          if (y == year) {
            own++;
          } else if (descriptive.get(i) && !namesOwnYear) {
            others.merge(y, 1, Integer::sum);
            perSection.computeIfAbsent(y, k -> new int[sections.size()])[s]++;
          }
        }
      }
    }
    Map.Entry<Integer, Integer> top = others.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElse(null);
    if (top == null) {
      return;
    }
    int n = top.getValue();
    boolean fires = own == 0 ? n >= 1 : n >= 2 && 4 * n >= own;
    if (!fires) {
      return;
    }
    int[] counts = perSection.get(top.getKey());
    int where = 0;
    for (int s = 1; s < counts.length; s++) {
      if (counts[s] > counts[where]) {
        where = s;
      }
    }
    findings.warning(FindingCode.DATE_OUT_OF_YEAR, Paths.narrative(sections.get(where), where) + ".text",
        "自评报告正文有 " + n + " 处叙述 " + top.getKey() + " 年的情况（不是与本年度的比较），评价年度 " + year
            + " 年共提及 " + own + " 次，请核对报告所述年度");
  }
}
