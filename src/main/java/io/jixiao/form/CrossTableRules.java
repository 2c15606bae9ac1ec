package io.jixiao.form;

import static io.jixiao.form.Findings.num;
import static io.jixiao.form.Findings.yuan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks across the tables of one package, where the same fact is written twice (DOMAIN §2): 附件1's
 * 项目支出 rows against the project tables (附件4), each project's 附件3 budget against its 附件4
 * total, the 主管部门 named in 附件3 and 附件4, 编制/在职 in the basic data table against the narrative,
 * and each first level's weights against the template's. Warnings: the preparer either corrects one
 * side or acknowledges why they differ. Sums allow for the forms' rounding ({@link Rounding}).
 */
final class CrossTableRules {

  private static final Pattern ESTABLISHMENT = Pattern.compile("编制(?:数|人数)?(?:为|共|有|：|:)?\\s*(\\d{1,5})\\s*(?:人|名)");
  private static final Pattern IN_POST = Pattern.compile("(?:在职|在岗|实有)(?:人员|人数)?(?:为|共|有|：|:)?\\s*(\\d{1,5})\\s*(?:人|名)");

  private CrossTableRules() {}

  static void check(ReportContent content, Template template, Findings findings) {
    projectRows(content, findings);
    List<Project> projects = content.projects();
    for (int i = 0; i < projects.size(); i++) {
      Project project = projects.get(i);
      String path = Paths.project(project, i);
      projectBudget(project, path, findings);
      supervisor(project, path, findings);
      level1Weights(project.table(), path + ".table", template.level1(), findings);
    }
    level1Weights(content.overall(), Paths.OVERALL, template.departmentLevel1(), findings);
    staffing(content, findings);
  }

  /** 附件1 二、项目支出小计 (or its project rows) against the projects' 附件4 资金总额. */
  private static void projectRows(ReportContent content, Findings findings) {
    BasicDataTable basic = content.basicData();
    if (basic == null || content.projects().isEmpty()) {
      return;
    }
    compareProjects(content, basic, "budget", "预算数", CostRow::budget, FundsRow::adjustedBudget, findings);
    compareProjects(content, basic, "finalAccount", "决算数", CostRow::finalAccount, FundsRow::executed, findings);
  }

  private static void compareProjects(ReportContent content, BasicDataTable basic, String field, String name,
      Function<CostRow, BigDecimal> cost, Function<FundsRow, BigDecimal> funds, Findings findings) {
    List<CostRow> costs = basic.costs();
    int subtotal = -1;
    for (int i = 0; i < costs.size() && subtotal < 0; i++) {
      if (costs.get(i).line() == CostLine.PROJECT && cost.apply(costs.get(i)) != null) {
        subtotal = i;
      }
    }
    BigDecimal stated = subtotal >= 0 ? cost.apply(costs.get(subtotal)) : null;
    int at = subtotal;
    if (stated == null) {
      for (int i = 0; i < costs.size(); i++) { // no subtotal: the project rows themselves
        if (costs.get(i).line() == CostLine.PROJECT_ITEM && cost.apply(costs.get(i)) != null) {
          stated = stated == null ? cost.apply(costs.get(i)) : stated.add(cost.apply(costs.get(i)));
          at = at < 0 ? i : at;
        }
      }
    }
    BigDecimal tables = null;
    for (Project project : content.projects()) {
      FundsRow total = project.table() == null ? null : Scoring.totalRow(project.table());
      if (total != null && funds.apply(total) != null) {
        tables = tables == null ? funds.apply(total) : tables.add(funds.apply(total));
      }
    }
    if (stated == null || tables == null || Rounding.agrees(stated, tables) || Rounding.agrees(tables, stated)) {
      return;
    }
    findings.warning(FindingCode.PROJECT_ROWS_DIFFER, Paths.costRow(costs, at) + "." + field,
        "基本数据表项目支出" + name + " " + yuan(stated) + "，与各项目绩效自评表资金总额合计 " + yuan(tables) + "不符");
  }

  /** 附件3 项目预算 against the same project's 附件4 全年预算数 (or 年初预算数). */
  private static void projectBudget(Project project, String path, Findings findings) {
    BigDecimal budget = project.report() == null ? null : project.report().budgetAmount();
    FundsRow total = project.table() == null ? null : Scoring.totalRow(project.table());
    if (budget == null || total == null || (total.adjustedBudget() == null && total.initialBudget() == null)) {
      return;
    }
    for (BigDecimal table : new BigDecimal[] {total.adjustedBudget(), total.initialBudget()}) {
      if (table != null && (Rounding.agrees(budget, table) || Rounding.agrees(table, budget))) {
        return;
      }
    }
    BigDecimal shown = total.adjustedBudget() != null ? total.adjustedBudget() : total.initialBudget();
    findings.warning(FindingCode.PROJECT_BUDGET_DIFFERS, path + ".report.budgetAmount",
        "项目自评报告所写预算 " + yuan(budget) + "，与项目绩效自评表资金总额 " + yuan(shown) + "不符");
  }

  /** 主管部门 as 附件3 and 附件4 name it. */
  private static void supervisor(Project project, String path, Findings findings) {
    String report = project.report() == null ? null : name(project.report().department());
    String table = project.table() == null ? null : name(project.table().supervisor());
    if (report == null || table == null || report.equals(table)) {
      return;
    }
    findings.warning(FindingCode.NAME_DIFFERS, path + ".table.supervisor",
        "项目绩效自评表的主管部门「" + table + "」与项目自评报告的「" + report + "」不一致");
  }

  /** The weights of each first level's applicable rows against the template's weight for it. */
  private static void level1Weights(SelfEvaluationTable table, String path, List<Template.Level1> firstLevels,
      Findings findings) {
    if (table == null) {
      return;
    }
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (IndicatorRow row : table.indicators()) {
      if (row.counts() && row.level1() != null && row.weight() != null) {
        sums.merge(row.level1(), row.weight(), BigDecimal::add);
      }
    }
    for (Template.Level1 level1 : firstLevels) {
      BigDecimal sum = sums.get(level1.code());
      if (sum != null && level1.weight() != null && sum.compareTo(level1.weight()) != 0) {
        findings.warning(FindingCode.LEVEL1_WEIGHT_DIFFERS, path + ".indicators",
            "「" + level1.name() + "」各行分值合计 " + num(sum) + " 分，模板规定为 " + num(level1.weight()) + " 分");
      }
    }
  }

  /** 编制 and 在职 as the basic data table gives them and as the narrative states them. */
  private static void staffing(ReportContent content, Findings findings) {
    BasicDataTable basic = content.basicData();
    if (basic == null) {
      return;
    }
    staff(content, basic.establishment(), ESTABLISHMENT, "basicData.establishment", "编制", findings);
    staff(content, basic.staffInPost(), IN_POST, "basicData.staffInPost", "在职人数", findings);
  }

  private static void staff(ReportContent content, Integer table, Pattern pattern, String path, String name,
      Findings findings) {
    if (table == null) {
      return;
    }
    for (NarrativeSection section : content.narrative()) {
      if (section.text() == null) {
        continue;
      }
      Matcher m = pattern.matcher(section.text());
      while (m.find()) {
        int stated = Integer.parseInt(m.group(1));
        if (stated != table) {
          findings.warning(FindingCode.STAFFING_DIFFERS, path, "基本数据表" + name + " " + table + " 人，自评报告写「"
              + m.group() + "」");
          return;
        }
      }
    }
  }

  private static String name(String written) {
    if (written == null) {
      return null;
    }
    String n = written.replaceAll("[\\s\\u3000]", "");
    return n.isEmpty() ? null : n;
  }
}
