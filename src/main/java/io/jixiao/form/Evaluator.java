package io.jixiao.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a package's scores, grades, suggested indicator scores and findings (DOMAIN §4–5). Takes
 * any draft: null tables, null numbers and empty lists are "not filled yet", never an exception.
 * Acknowledgements do not remove findings; the workflow decides what they allow.
 */
public final class Evaluator {

  private Evaluator() {}

  /**
   * @param content  one version of a package (null counts as empty)
   * @param template the cycle's template (null: 执行率 10 and the default grade bands)
   * @param year     the evaluation year (评价年度), e.g. 2022 for a report on 2022 spending
   */
  public static Evaluation evaluate(ReportContent content, Template template, int year) {
    ReportContent c = content == null ? ReportContent.empty() : content;
    Template t = template == null ? Scoring.DEFAULT_TEMPLATE : template;
    Findings findings = new Findings();
    Map<String, BigDecimal> suggestions = new LinkedHashMap<>();

    Summary overall = TableRules.evaluate(c.overall(), Paths.OVERALL, t, year, suggestions, findings);
    Map<String, Summary> projects = new LinkedHashMap<>();
    List<Project> list = c.projects();
    for (int i = 0; i < list.size(); i++) {
      Project project = list.get(i);
      String key = Paths.projectKey(project, i);
      // A repeated code (invalid, but possible in a draft): its findings count, while the summary and
      // suggestions under that key stay the first project's.
      boolean first = !projects.containsKey(key);
      Summary summary = TableRules.evaluate(project.table(), Paths.project(project, i) + ".table", t, year,
          first ? suggestions : new LinkedHashMap<>(), findings);
      projects.putIfAbsent(key, summary);
    }
    BasicDataRules.check(c.basicData(), findings);
    NarrativeRules.check(c, year, findings);
    checkFillingDate(c.filling(), year, findings);
    CrossTableRules.check(c, t, findings);
    CompletenessRules.check(c, t, findings);

    return new Evaluation(overall, Collections.unmodifiableMap(projects),
        Collections.unmodifiableMap(suggestions), findings.sorted());
  }

  /** A report on year Y is filled in during Y or Y+1 (004: a 2024 table dated 2025-01-15). */
  private static void checkFillingDate(Filling filling, int year, Findings findings) {
    if (filling == null || filling.date() == null) {
      return;
    }
    LocalDate date = filling.date();
    if (date.getYear() < year || date.getYear() > (long) year + 1) {
      findings.error(FindingCode.DATE_OUT_OF_YEAR, "filling.date",
          "填报日期 " + date + " 不在 " + year + " 年 1 月 1 日至 " + (year + 1) + " 年 12 月 31 日之间");
    }
  }
}
