package io.jixiao.documents;

import io.jixiao.form.BasicDataTable;
import io.jixiao.form.BuildingRow;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.Filling;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.Goal;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.Project;
import io.jixiao.form.ProjectReport;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Summary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the PDF template prints, every value already written out as text. */
record PdfModel(
    Header header,
    Basic basic,
    Table overall,
    List<Report> reports,
    List<Table> projects,
    List<Section> narrative,
    List<Signature> signatures,
    List<String> filling) {

  record Header(String unitName, String unitCode, String region, String year, String reportId, String version,
      String contentHash, String publishedAt, String publishedBy, String financeApprovedAt) {}

  record Basic(String title, String establishment, String inPost, String controlRate, String priorHeader,
      String budgetHeader, String finalHeader, List<Cost> costs, List<Building> buildings, String frugality) {}

  record Cost(String label, String indent, String prior, String budget, String finalAccount) {}

  record Building(String name, String approvedArea, String actualArea, String areaRate, String budgetInvestment,
      String actualInvestment, String investmentRate) {}

  record Table(String attachment, String title, List<String[]> heading, String fundsBlock, List<Funds> funds,
      List<Goal> goals, List<Indicator> indicators, String totalWeight, String totalScore, String reviewTotal,
      String grade, String reviewGrade) {}

  record Funds(boolean heading, String label, String indent, String initial, String adjusted, String executed,
      String weight, String rate, String selfScore, String reviewScore) {}

  record Indicator(String level1, int level1Span, String level2, int level2Span, String name, String target,
      String actual, String weight, String selfScore, String reviewScore, String reason) {}

  record Report(String title, String name, String budget, String department, String purpose, String management,
      String goalsAchieved, String problems, String improvements, String other) {}

  record Section(String title, List<String> paragraphs) {}

  record Signature(String role, String who, String version, String at, String contentHash) {}

  static PdfModel of(PublishedDocument d) {
    var content = d.content();
    String year = Integer.toString(d.year());
    Header header = new Header(Formats.text(d.unitName()), Formats.text(d.unitCode()), Formats.text(d.region()), year,
        d.reportId().toString(), Integer.toString(d.version()), d.contentHash(), Formats.time(d.publishedAt()),
        Formats.text(d.publishedBy()), Formats.time(d.financeApprovedAt()));

    List<Report> reports = new ArrayList<>();
    List<Table> projects = new ArrayList<>();
    List<Project> list = content.projects();
    for (int i = 0; i < list.size(); i++) {
      Project p = list.get(i);
      if (p == null) {
        continue;
      }
      String name = Formats.text(p.name() != null ? p.name() : p.table() == null ? null : p.table().title());
      ProjectReport r = p.report();
      if (r != null) {
        reports.add(new Report(year + "年度项目支出绩效自评报告", name, Formats.money(r.budgetAmount()),
            Formats.text(r.department()), Formats.text(r.purpose()), Formats.text(r.management()),
            Formats.text(r.goalsAchieved()), Formats.text(r.problems()), Formats.text(r.improvements()),
            Formats.text(r.other())));
      }
      if (p.table() != null) {
        SelfEvaluationTable t = p.table();
        List<String[]> heading = List.of(
            new String[] {WorkbookLayout.PROJECT_NAME, name},
            new String[] {WorkbookLayout.SUPERVISOR, Formats.text(t.supervisor()), WorkbookLayout.IMPLEMENTER,
                Formats.text(t.implementer())});
        projects.add(table("附件4", year + "年度项目支出绩效自评表", heading, WorkbookLayout.PROJECT_FUNDS_BLOCK, t,
            Rows.projectSummary(d.evaluation(), p, i), d, false));
      }
    }

    Table overall = content.overall() == null ? null
        : table("附件2", year + "年度部门整体支出绩效自评表",
            List.<String[]>of(new String[] {WorkbookLayout.UNIT_NAME, Formats.text(d.unitName())}),
            WorkbookLayout.OVERALL_FUNDS_BLOCK, content.overall(), d.evaluation().overall(), d, true);

    List<Section> narrative = content.narrative().stream().filter(Objects::nonNull)
        .map(s -> new Section(Rows.sectionTitle(s, d.template()), paragraphs(s)))
        .toList();

    List<Signature> signatures = d.signatures().stream()
        .map(s -> new Signature(s.role().label(), Formats.text(s.who()), Integer.toString(s.version()),
            Formats.clock(s.at()), s.contentHash() == null ? "" : s.contentHash()))
        .toList();

    return new PdfModel(header, basic(content.basicData(), d.year()), overall, reports, projects, narrative,
        signatures, filling(content.filling(), d));
  }

  private static List<String> paragraphs(NarrativeSection s) {
    if (s.text() == null) {
      return List.of();
    }
    return s.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** 填表人 / 联系电话 / 填报日期 / 单位负责人签字, each "label：value", printed under every table. */
  static List<String> fillingLine(PublishedDocument d) {
    return filling(d.content().filling(), d);
  }

  private static List<String> filling(Filling f, PublishedDocument d) {
    String head = d.signatures().stream().filter(s -> s.role() == SignatureLine.Role.UNIT_HEAD)
        .reduce((a, b) -> b).map(s -> Formats.text(s.who()) + "（电子签名，见签字记录）").orElse("");
    return List.of("填表人：" + (f == null ? "" : Formats.text(f.preparer())),
        "联系电话：" + (f == null ? "" : Formats.text(f.phone())),
        "填报日期：" + (f == null ? "" : Formats.date(f.date())),
        "单位负责人签字：" + head);
  }

  private static Basic basic(BasicDataTable b, int year) {
    if (b == null) {
      return null;
    }
    List<Cost> costs = new ArrayList<>();
    for (CostRow row : b.costs()) {
      if (row == null) {
        continue;
      }
      String label = row.line() == CostLine.PROJECT_ITEM ? Formats.text(row.label()) : WorkbookLayout.label(row.line());
      String indent = switch (row.line()) {
        case BASIC, PROJECT, PROCUREMENT -> "";
        case OFFICIAL_VEHICLES, OVERSEAS_TRAVEL, OFFICIAL_RECEPTION -> "indent2";
        default -> "indent1";
      };
      costs.add(new Cost(label, indent, Formats.money(row.priorYearFinal()), Formats.money(row.budget()),
          Formats.money(row.finalAccount())));
    }
    List<Building> buildings = new ArrayList<>();
    for (BuildingRow row : b.buildings()) {
      if (row == null) {
        continue;
      }
      buildings.add(new Building(Formats.text(row.name()), Formats.score(row.approvedArea()),
          Formats.score(row.actualArea()), Formats.percent(Formats.ratio(row.actualArea(), row.approvedArea())),
          Formats.money(row.budgetInvestment()), Formats.money(row.actualInvestment()),
          Formats.percent(Formats.ratio(row.actualInvestment(), row.budgetInvestment()))));
    }
    String rate = b.staffInPost() == null || b.establishment() == null ? ""
        : Formats.percent(Formats.ratio(BigDecimal.valueOf(b.staffInPost()), BigDecimal.valueOf(b.establishment())));
    return new Basic(year + "年度部门整体支出绩效评价基础数据表",
        b.establishment() == null ? "" : b.establishment().toString(),
        b.staffInPost() == null ? "" : b.staffInPost().toString(), rate,
        String.format(WorkbookLayout.CostColumn.PRIOR_YEAR_FINAL.header, year - 1),
        String.format(WorkbookLayout.CostColumn.BUDGET.header, year),
        String.format(WorkbookLayout.CostColumn.FINAL_ACCOUNT.header, year),
        costs, buildings, Formats.text(b.frugality()));
  }

  private static Table table(String attachment, String title, List<String[]> heading, String fundsBlock,
      SelfEvaluationTable t, Summary summary, PublishedDocument d, boolean overall) {
    List<Funds> funds = new ArrayList<>();
    for (Rows.FundsItem item : Rows.funds(t, overall)) {
      FundsRow r = item.row();
      if (r == null) {
        funds.add(new Funds(true, item.label(), "", "", "", "", "", "", "", ""));
        continue;
      }
      boolean total = r.line() == FundsLine.TOTAL;
      String rate = total && summary != null ? Formats.percent(summary.executionRate()) : "";
      funds.add(new Funds(false, item.label(), "indent" + item.indent(), Formats.money(r.initialBudget()),
          Formats.money(r.adjustedBudget()), Formats.money(r.executed()), Formats.score(r.weight()), rate,
          Formats.score(r.selfScore()), Formats.score(r.reviewScore())));
    }
    List<Goal> goals = t.goals().stream().filter(Objects::nonNull)
        .map(g -> new Goal(Formats.text(g.expected()), Formats.text(g.achieved()))).toList();
    List<Indicator> indicators = Rows.indicators(t, d.template()).stream()
        .map(i -> new Indicator(i.level1(), i.level1Span(), Formats.text(i.row().level2()), i.level2Span(),
            Formats.text(i.row().name()), Formats.text(i.row().target()), Formats.text(i.row().actual()),
            Formats.score(i.row().weight()), Formats.score(i.row().selfScore()), Formats.score(i.row().reviewScore()),
            Formats.text(i.row().deviationReason())))
        .toList();
    return new Table(attachment, title, heading, fundsBlock, funds, goals, indicators,
        Formats.score(Rows.totalWeight(t)),
        summary == null ? "" : Formats.score(summary.totalScore()),
        summary == null ? "" : Formats.score(summary.reviewTotal()),
        summary == null ? "" : Formats.grade(summary.grade()),
        summary == null ? "" : Formats.grade(summary.reviewGrade()));
  }
}
