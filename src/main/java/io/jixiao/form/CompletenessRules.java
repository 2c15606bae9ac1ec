package io.jixiao.form;

import java.util.ArrayList;
import java.util.List;

/**
 * 完整性: the parts every package must have before it goes to the unit head — without them an empty
 * package had no findings and could be submitted and signed. Each missing part is an error at the
 * place it belongs, so the 422 of a refused submission names what is missing: the overall table
 * with its funds total (全年预算数 and 全年执行数), at least one indicator per first level of the
 * template, each project's table with the same, the narrative sections the outline requires, and
 * the filling block (填表人, 联系电话, 填报日期).
 */
final class CompletenessRules {

  private CompletenessRules() {}

  static void check(ReportContent content, Template template, Findings findings) {
    table(content.overall(), Paths.OVERALL, "部门整体支出绩效自评表", template.departmentLevel1(), findings);
    List<Project> projects = content.projects();
    for (int i = 0; i < projects.size(); i++) {
      Project project = projects.get(i);
      String name = project.name() == null || project.name().isBlank() ? Paths.projectKey(project, i) : project.name().strip();
      table(project.table(), Paths.project(project, i) + ".table", "项目「" + name + "」的绩效自评表", template.level1(), findings);
    }
    for (Template.OutlineSection section : template.outline()) {
      if (section.mustBeFilled() && content.narrative().stream()
          .noneMatch(s -> section.key().equals(s.key()) && s.text() != null && !s.text().isBlank())) {
        findings.error(FindingCode.INCOMPLETE, "narrative[" + section.key() + "]",
            "自评报告缺少「" + section.title() + "」部分");
      }
    }
    Filling filling = content.filling();
    List<String> missing = new ArrayList<>();
    if (filling == null || filling.preparer() == null || filling.preparer().isBlank()) {
      missing.add("填表人");
    }
    if (filling == null || filling.phone() == null || filling.phone().isBlank()) {
      missing.add("联系电话");
    }
    if (filling == null || filling.date() == null) {
      missing.add("填报日期");
    }
    if (!missing.isEmpty()) {
      findings.error(FindingCode.INCOMPLETE, "filling", "填报信息未填：" + String.join("、", missing));
    }
  }

  private static void table(SelfEvaluationTable table, String path, String name, List<Template.Level1> firstLevels,
      Findings findings) {
    if (table == null) {
      findings.error(FindingCode.INCOMPLETE, path, "缺少" + name);
      return;
    }
    boolean total = table.funds().stream().anyMatch(r -> r.line() == FundsLine.TOTAL && r.adjustedBudget() != null
        && r.executed() != null);
    if (!total) {
      findings.error(FindingCode.INCOMPLETE, path + ".funds[TOTAL]", name + "的资金总额（全年预算数、全年执行数）未填");
    }
    for (Template.Level1 level1 : firstLevels) {
      if (table.indicators().stream().noneMatch(r -> level1.code().equals(r.level1()) && r.counts())) {
        findings.error(FindingCode.INCOMPLETE, path + ".indicators",
            name + "至少须有一项「" + level1.name() + "」（不适用的行不算）");
      }
    }
  }
}
