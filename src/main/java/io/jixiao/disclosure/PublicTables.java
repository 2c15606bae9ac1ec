package io.jixiao.disclosure;

import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.form.BasicDataTable;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.ProjectReport;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Template;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Look-ups the public pages' read-only tables need (the rows of the official layouts, numbers as
 * written), so the templates stay free of logic. The documents can lay out the same rows.
 */
@Component
public class PublicTables {

  /** The funds rows of 附件2 (部门整体支出绩效自评表), in the form's order. */
  public static final List<FundsLine> OVERALL_FUNDS = List.of(FundsLine.TOTAL, FundsLine.GENERAL_BUDGET,
      FundsLine.GOVERNMENT_FUND, FundsLine.SPECIAL_ACCOUNT, FundsLine.OTHER_FUNDS, FundsLine.BASIC,
      FundsLine.PERSONNEL, FundsLine.OPERATING, FundsLine.OTHER_OPERATING, FundsLine.PROJECT);
  /** The funds rows of 附件4 (项目支出绩效自评表). */
  public static final List<FundsLine> PROJECT_FUNDS = List.of(FundsLine.TOTAL, FundsLine.CURRENT_YEAR,
      FundsLine.CARRIED_OVER, FundsLine.OTHER_FUNDS);
  /** The cost rows of 附件1 (基础数据表); the 项目支出 rows, one per project, follow 二、项目支出小计. */
  public static final List<CostLine> COST_LINES = List.of(CostLine.BASIC, CostLine.PUBLIC_FUNDS, CostLine.OFFICE,
      CostLine.UTILITIES_TRAVEL, CostLine.MEETINGS_TRAINING, CostLine.THREE_PUBLIC, CostLine.OFFICIAL_VEHICLES,
      CostLine.OVERSEAS_TRAVEL, CostLine.OFFICIAL_RECEPTION, CostLine.PROJECT, CostLine.PROCUREMENT);

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TemplateCatalog templates;

  PublicTables(TemplateCatalog templates) {
    this.templates = templates;
  }

  public List<FundsLine> overallFunds() {
    return OVERALL_FUNDS;
  }

  public List<FundsLine> projectFunds() {
    return PROJECT_FUNDS;
  }

  public List<CostLine> costLines() {
    return COST_LINES;
  }

  public FundsRow fundsRow(SelfEvaluationTable table, FundsLine line) {
    return table == null ? null : table.funds().stream().filter(r -> r.line() == line).findFirst().orElse(null);
  }

  /** Whether the table has this row with anything in it (empty rows are left out of the public tables). */
  public boolean hasFunds(SelfEvaluationTable table, FundsLine line) {
    FundsRow row = fundsRow(table, line);
    return row != null && (row.initialBudget() != null || row.adjustedBudget() != null || row.executed() != null);
  }

  /** 执行率 of a funds row: B / A as a percentage with two decimals; blank without a budget. */
  public String rate(FundsRow row) {
    if (row == null || row.executed() == null || row.adjustedBudget() == null || row.adjustedBudget().signum() == 0) {
      return "";
    }
    return row.executed().multiply(BigDecimal.valueOf(100)).divide(row.adjustedBudget(), 2, RoundingMode.HALF_UP)
        .toPlainString() + "%";
  }

  public CostRow costRow(BasicDataTable data, CostLine line) {
    return data == null ? null : data.costs().stream().filter(r -> r.line() == line).findFirst().orElse(null);
  }

  public List<CostRow> costItems(BasicDataTable data) {
    return data == null ? List.of() : data.costs().stream().filter(r -> r.line() == CostLine.PROJECT_ITEM).toList();
  }

  /** 控制率 = 实际在职人数 / 编制数, as a percentage. */
  public String controlRate(BasicDataTable data) {
    if (data == null || data.establishment() == null || data.staffInPost() == null || data.establishment() == 0) {
      return "";
    }
    return BigDecimal.valueOf(data.staffInPost()).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(data.establishment()), 2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** The first-level indicator's name in the template of the package ({@code OUTPUT} → 产出指标). */
  public String level1(String templateCode, String code, Locale locale) {
    return templates.find(templateCode).flatMap(t -> t.level1().stream().filter(l -> l.code().equals(code)).findFirst())
        .map(l -> "en".equals(locale.getLanguage()) ? l.nameEn() : l.name())
        .orElse(code);
  }

  public Template template(String code) {
    return templates.get(code);
  }

  public String reportField(ProjectReport report, String field) {
    String text = report == null ? null : report.text(field);
    return text == null ? "" : text;
  }

  public String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** A rate of the summary (1.0000 = 100%) as a percentage with two decimals. */
  public String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A time as people in the region read it. */
  public String time(OffsetDateTime at) {
    return at == null ? "" : at.atZoneSameInstant(PublishedPackage.ZONE).format(DATE_TIME);
  }

  public String date(OffsetDateTime at) {
    return at == null ? "" : at.atZoneSameInstant(PublishedPackage.ZONE).toLocalDate().toString();
  }

  public String shortHash(String hash) {
    return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
  }
}
