package io.jixiao.documents;

import io.jixiao.documents.WorkbookLayout.BuildingColumn;
import io.jixiao.documents.WorkbookLayout.CostColumn;
import io.jixiao.documents.WorkbookLayout.FundsColumn;
import io.jixiao.documents.WorkbookLayout.GoalColumn;
import io.jixiao.documents.WorkbookLayout.IndicatorColumn;
import io.jixiao.documents.WorkbookLayout.StaffColumn;
import io.jixiao.form.BasicDataTable;
import io.jixiao.form.BuildingRow;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.Goal;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.Project;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Summary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The Excel workbook (.xlsx) of a published package: one sheet per table — 附件1 基本数据表, 附件2
 * 部门整体支出绩效自评表, one 附件4 per project, 附件5 the narrative — and a 公开信息 sheet with the
 * publication and signature record. Cells follow {@link WorkbookLayout}; money (元) and scores are
 * numeric cells, header cells are merged as on the paper forms.
 *
 * <p>Deterministic: the document properties carry the publication time, and the zip entries' times
 * are the publication time too (POI stamps them with the clock), so the same
 * {@link PublishedDocument} gives byte-identical files. Thread-safe; a plain class that is also a
 * Spring bean.
 */
@Component
public class PackageWorkbook {

  /** Excel refuses longer cell text; longer narrative continues in the next row. */
  static final int MAX_CELL_TEXT = 32_000;

  private static final int GRID_COLUMNS = 10;

  /** Column widths of the self-evaluation grid, in characters. */
  private static final int[] GRID_WIDTHS = {7, 12, 12, 30, 14, 14, 14, 10, 10, 28};
  private static final int BASIC_LABEL_WIDTH = 34;
  private static final int BASIC_WIDTH = 17;

  /** The media type to serve it with. */
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final RenderCache cache = new RenderCache(32);

  /**
   * The workbook of this published version. A recently rendered one comes from a small cache (the
   * output depends on the input alone); every call gets its own copy of the bytes.
   */
  public byte[] render(PublishedDocument document) {
    return cache.get(document, PackageWorkbook::renderNow);
  }

  /** A file name for downloads: {@code <unit code>-<year>-v<version>.xlsx}. */
  public static String fileName(PublishedDocument document) {
    return RenderCache.baseName(document) + ".xlsx";
  }

  private static byte[] renderNow(PublishedDocument document) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      if (document.content().basicData() != null) {
        basic(wb.createSheet(WorkbookLayout.BASIC_SHEET), styles, document);
      }
      if (document.content().overall() != null) {
        Sheet sheet = wb.createSheet(WorkbookLayout.OVERALL_SHEET);
        int r = title(sheet, styles, document.year() + "年度部门整体支出绩效自评表", GRID_COLUMNS);
        r = pair(sheet, styles, r, WorkbookLayout.UNIT_NAME, document.unitName());
        selfEvaluation(sheet, styles, r, WorkbookLayout.OVERALL_FUNDS_BLOCK, document.content().overall(),
            document.evaluation().overall(), document, true);
      }
      List<Project> projects = document.content().projects();
      for (int i = 0; i < projects.size(); i++) {
        Project p = projects.get(i);
        if (p == null || p.table() == null) {
          continue;
        }
        Sheet sheet = wb.createSheet(WorkbookLayout.projectSheet(i));
        SelfEvaluationTable t = p.table();
        int r = title(sheet, styles, document.year() + "年度项目支出绩效自评表", GRID_COLUMNS);
        r = pair(sheet, styles, r, WorkbookLayout.PROJECT_NAME, Formats.text(p.name() != null ? p.name() : t.title()));
        Row row = gridRow(sheet, styles, r);
        label(sheet, styles, row, 0, 1, WorkbookLayout.SUPERVISOR);
        text(sheet, styles, row, 2, 4, t.supervisor());
        label(sheet, styles, row, 5, 6, WorkbookLayout.IMPLEMENTER);
        text(sheet, styles, row, 7, 9, t.implementer());
        r = pair(sheet, styles, r + 1, WorkbookLayout.PROJECT_CODE, p.code());
        selfEvaluation(sheet, styles, r, WorkbookLayout.PROJECT_FUNDS_BLOCK, t, Rows.projectSummary(document.evaluation(), p, i),
            document, false);
      }
      if (!document.content().narrative().isEmpty()) {
        narrative(wb.createSheet(WorkbookLayout.NARRATIVE_SHEET), styles, document);
      }
      publication(wb.createSheet(WorkbookLayout.PUBLICATION_SHEET), styles, document);
      properties(wb, document);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      wb.write(out);
      return fixZipTimes(out.toByteArray(), LocalDateTime.ofInstant(document.publishedAt(), Formats.ZONE));
    } catch (IOException e) {
      throw new UncheckedIOException("workbook of report " + document.reportId() + " not written", e);
    }
  }

  private static void properties(XSSFWorkbook wb, PublishedDocument d) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    Date published = Date.from(d.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    core.setCreated(Optional.of(published));
    core.setModified(Optional.of(published));
    core.setCreator("Jixiao");
    core.setLastModifiedByUser("Jixiao");
    core.setTitle(d.year() + "年度" + Formats.text(d.unitName()) + "绩效自评公开表格");
    core.setIdentifier(d.contentHash());
    core.setRevision(Integer.toString(d.version()));
    wb.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Jixiao");
  }

  /** Rewrites the zip with every entry stamped at the publication time (no time zone involved: DOS local time). */
  static byte[] fixZipTimes(byte[] zip, LocalDateTime time) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(time);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  // ---- 附件1

  private static void basic(Sheet sheet, Styles s, PublishedDocument d) {
    BasicDataTable b = d.content().basicData();
    int columns = BuildingColumn.values().length;
    int r = title(sheet, s, d.year() + "年度部门整体支出绩效评价基础数据表", columns);
    Row row = row(sheet, s, r++, columns);
    label(sheet, s, row, 0, 0, WorkbookLayout.UNIT_NAME);
    text(sheet, s, row, 1, columns - 1, d.unitName());

    row = row(sheet, s, r++, columns);
    header(row, s, 0, WorkbookLayout.STAFF_BLOCK);
    header(row, s, StaffColumn.ESTABLISHMENT.column, StaffColumn.ESTABLISHMENT.header);
    header(row, s, StaffColumn.IN_POST.column, d.year() + "年" + StaffColumn.IN_POST.header);
    header(row, s, StaffColumn.CONTROL_RATE.column, StaffColumn.CONTROL_RATE.header);
    row = row(sheet, s, r++, columns);
    number(row, s.integer, StaffColumn.ESTABLISHMENT.column, b.establishment() == null ? null : BigDecimal.valueOf(b.establishment()));
    number(row, s.integer, StaffColumn.IN_POST.column, b.staffInPost() == null ? null : BigDecimal.valueOf(b.staffInPost()));
    number(row, s.rate, StaffColumn.CONTROL_RATE.column, b.staffInPost() == null || b.establishment() == null ? null
        : Formats.ratio(BigDecimal.valueOf(b.staffInPost()), BigDecimal.valueOf(b.establishment())));

    row = row(sheet, s, r++, columns);
    header(row, s, CostColumn.LABEL.column, CostColumn.LABEL.header);
    header(row, s, CostColumn.PRIOR_YEAR_FINAL.column, String.format(CostColumn.PRIOR_YEAR_FINAL.header, d.year() - 1));
    header(row, s, CostColumn.BUDGET.column, String.format(CostColumn.BUDGET.header, d.year()));
    header(row, s, CostColumn.FINAL_ACCOUNT.column, String.format(CostColumn.FINAL_ACCOUNT.header, d.year()));
    for (CostRow c : b.costs()) {
      if (c == null) {
        continue;
      }
      row = row(sheet, s, r++, columns);
      String label = c.line() == CostLine.PROJECT_ITEM ? Formats.text(c.label()) : WorkbookLayout.label(c.line());
      row.getCell(CostColumn.LABEL.column).setCellValue(label);
      number(row, s.money, CostColumn.PRIOR_YEAR_FINAL.column, c.priorYearFinal());
      number(row, s.money, CostColumn.BUDGET.column, c.budget());
      number(row, s.money, CostColumn.FINAL_ACCOUNT.column, c.finalAccount());
    }

    row = row(sheet, s, r++, columns);
    header(row, s, 0, WorkbookLayout.BUILDING_BLOCK);
    for (BuildingColumn c : BuildingColumn.values()) {
      if (c != BuildingColumn.NAME) {
        header(row, s, c.column, c.header);
      }
    }
    for (BuildingRow br : b.buildings()) {
      if (br == null) {
        continue;
      }
      row = row(sheet, s, r++, columns);
      row.getCell(BuildingColumn.NAME.column).setCellValue(Formats.text(br.name()));
      number(row, s.score, BuildingColumn.APPROVED_AREA.column, br.approvedArea());
      number(row, s.score, BuildingColumn.ACTUAL_AREA.column, br.actualArea());
      number(row, s.rate, BuildingColumn.AREA_CONTROL_RATE.column, Formats.ratio(br.actualArea(), br.approvedArea()));
      number(row, s.money, BuildingColumn.BUDGET_INVESTMENT.column, br.budgetInvestment());
      number(row, s.money, BuildingColumn.ACTUAL_INVESTMENT.column, br.actualInvestment());
      number(row, s.rate, BuildingColumn.INVESTMENT_CONTROL_RATE.column,
          Formats.ratio(br.actualInvestment(), br.budgetInvestment()));
    }
    row = row(sheet, s, r++, columns);
    label(sheet, s, row, 0, 0, WorkbookLayout.FRUGALITY);
    text(sheet, s, row, 1, columns - 1, b.frugality());
    fit(row, lines(b.frugality(), (columns - 1) * BASIC_WIDTH));
    filling(sheet, s, r, columns, d);
    sheet.setColumnWidth(0, BASIC_LABEL_WIDTH * 256);
    for (int c = 1; c < columns; c++) {
      sheet.setColumnWidth(c, BASIC_WIDTH * 256);
    }
  }

  // ---- 附件2 / 附件4

  private static void selfEvaluation(Sheet sheet, Styles s, int r, String fundsBlock, SelfEvaluationTable t,
      Summary summary, PublishedDocument d, boolean overall) {
    // Funds block.
    List<Rows.FundsItem> funds = Rows.funds(t, overall);
    int first = r;
    Row row = gridRow(sheet, s, r++);
    block(row, s, fundsBlock);
    merge(sheet, first, first, FundsColumn.LABEL.column, FundsColumn.LABEL.column + 1);
    for (FundsColumn c : FundsColumn.values()) {
      header(row, s, c.column, c.header);
    }
    header(row, s, FundsColumn.LABEL.column + 1, "");
    for (Rows.FundsItem item : funds) {
      row = gridRow(sheet, s, r);
      FundsRow f = item.row();
      if (f == null) {
        Cell cell = row.getCell(FundsColumn.LABEL.column);
        cell.setCellValue(item.label() + "：");
        cell.setCellStyle(s.bold);
        merge(sheet, r, r, FundsColumn.LABEL.column, GRID_COLUMNS - 1);
      } else {
        Cell cell = row.getCell(FundsColumn.LABEL.column);
        cell.setCellValue(item.label());
        cell.setCellStyle(s.indented[Math.min(item.indent(), 2)]);
        merge(sheet, r, r, FundsColumn.LABEL.column, FundsColumn.LABEL.column + 1);
        number(row, s.money, FundsColumn.INITIAL_BUDGET.column, f.initialBudget());
        number(row, s.money, FundsColumn.ADJUSTED_BUDGET.column, f.adjustedBudget());
        number(row, s.money, FundsColumn.EXECUTED.column, f.executed());
        number(row, s.score, FundsColumn.WEIGHT.column, f.weight());
        if (f.line() == FundsLine.TOTAL && summary != null) {
          number(row, s.rate, FundsColumn.EXECUTION_RATE.column, summary.executionRate());
        }
        number(row, s.score, FundsColumn.SELF_SCORE.column, f.selfScore());
        number(row, s.score, FundsColumn.REVIEW_SCORE.column, f.reviewScore());
      }
      r++;
    }
    merge(sheet, first, r - 1, 0, 0);

    // Goals.
    first = r;
    row = gridRow(sheet, s, r++);
    block(row, s, WorkbookLayout.GOALS_BLOCK);
    for (GoalColumn c : GoalColumn.values()) {
      header(row, s, c.column, c.header);
      merge(sheet, first, first, c.column, c.lastColumn);
    }
    for (Goal g : t.goals()) {
      if (g == null) {
        continue;
      }
      row = gridRow(sheet, s, r);
      text(sheet, s, row, GoalColumn.EXPECTED.column, GoalColumn.EXPECTED.lastColumn, g.expected());
      text(sheet, s, row, GoalColumn.ACHIEVED.column, GoalColumn.ACHIEVED.lastColumn, g.achieved());
      // Excel does not fit a row to text in merged cells: give it the height the longer text needs.
      fit(row, Math.max(lines(g.expected(), gridWidth(GoalColumn.EXPECTED.column, GoalColumn.EXPECTED.lastColumn)),
          lines(g.achieved(), gridWidth(GoalColumn.ACHIEVED.column, GoalColumn.ACHIEVED.lastColumn))));
      r++;
    }
    merge(sheet, first, r - 1, 0, 0);

    // Indicators.
    first = r;
    row = gridRow(sheet, s, r++);
    block(row, s, WorkbookLayout.INDICATORS_BLOCK);
    for (IndicatorColumn c : IndicatorColumn.values()) {
      header(row, s, c.column, c.header);
    }
    for (Rows.IndicatorItem item : Rows.indicators(t, d.template())) {
      IndicatorRow i = item.row();
      row = gridRow(sheet, s, r);
      if (item.level1Span() > 0) {
        Cell cell = row.getCell(IndicatorColumn.LEVEL1.column);
        cell.setCellValue(item.level1());
        cell.setCellStyle(s.centered);
        merge(sheet, r, r + item.level1Span() - 1, IndicatorColumn.LEVEL1.column, IndicatorColumn.LEVEL1.column);
      }
      if (item.level2Span() > 0) {
        Cell cell = row.getCell(IndicatorColumn.LEVEL2.column);
        cell.setCellValue(Formats.text(i.level2()));
        cell.setCellStyle(s.centered);
        merge(sheet, r, r + item.level2Span() - 1, IndicatorColumn.LEVEL2.column, IndicatorColumn.LEVEL2.column);
      }
      row.getCell(IndicatorColumn.NAME.column).setCellValue(Formats.text(i.name()));
      row.getCell(IndicatorColumn.TARGET.column).setCellValue(Formats.text(i.target()));
      row.getCell(IndicatorColumn.ACTUAL.column).setCellValue(Formats.text(i.actual()));
      number(row, s.score, IndicatorColumn.WEIGHT.column, i.weight());
      number(row, s.score, IndicatorColumn.SELF_SCORE.column, i.selfScore());
      number(row, s.score, IndicatorColumn.REVIEW_SCORE.column, i.reviewScore());
      row.getCell(IndicatorColumn.DEVIATION_REASON.column).setCellValue(Formats.text(i.deviationReason()));
      r++;
    }
    merge(sheet, first, r - 1, 0, 0);

    // 总分 and 评价等级.
    row = gridRow(sheet, s, r);
    block(row, s, WorkbookLayout.TOTAL_ROW);
    merge(sheet, r, r, 0, IndicatorColumn.WEIGHT.column - 1);
    number(row, s.score, IndicatorColumn.WEIGHT.column, Rows.totalWeight(t));
    if (summary != null) {
      number(row, s.score, IndicatorColumn.SELF_SCORE.column, summary.totalScore());
      number(row, s.score, IndicatorColumn.REVIEW_SCORE.column, summary.reviewTotal());
    }
    r++;
    row = gridRow(sheet, s, r);
    block(row, s, WorkbookLayout.GRADE_ROW);
    merge(sheet, r, r, 0, IndicatorColumn.WEIGHT.column - 1);
    if (summary != null) {
      row.getCell(IndicatorColumn.SELF_SCORE.column).setCellValue(Formats.grade(summary.grade()));
      row.getCell(IndicatorColumn.REVIEW_SCORE.column).setCellValue(Formats.grade(summary.reviewGrade()));
    }
    r++;
    filling(sheet, s, r, GRID_COLUMNS, d);

    for (int c = 0; c < GRID_WIDTHS.length; c++) {
      sheet.setColumnWidth(c, GRID_WIDTHS[c] * 256);
    }
  }

  // ---- 附件5 and 公开信息

  private static void narrative(Sheet sheet, Styles s, PublishedDocument d) {
    int r = title(sheet, s, d.year() + "年度部门整体支出绩效自评报告", 2);
    for (NarrativeSection section : d.content().narrative()) {
      if (section == null) {
        continue;
      }
      String text = Formats.text(section.text());
      int from = 0;
      do {
        Row row = row(sheet, s, r++, 2);
        row.getCell(0).setCellValue(from == 0 ? Rows.sectionTitle(section, d.template()) : "");
        int to = Math.min(text.length(), from + MAX_CELL_TEXT);
        row.getCell(1).setCellValue(text.substring(from, to));
        from = to;
      } while (from < text.length());
    }
    sheet.setColumnWidth(0, 30 * 256);
    sheet.setColumnWidth(1, 100 * 256);
  }

  private static void publication(Sheet sheet, Styles s, PublishedDocument d) {
    int r = title(sheet, s, "公开信息", 5);
    String[][] pairs = {
        {"预算单位", Formats.text(d.unitName())},
        {"单位编码", Formats.text(d.unitCode())},
        {"地区", Formats.text(d.region())},
        {"评价年度", Integer.toString(d.year())},
        {"报告编号", d.reportId().toString()},
        {"公开版本", Integer.toString(d.version())},
        {"财政复核通过时间", Formats.time(d.financeApprovedAt())},
        {"公开人", Formats.text(d.publishedBy())},
        {"公开时间", Formats.time(d.publishedAt())},
        {"公开内容 SHA-256", d.contentHash()}};
    for (String[] p : pairs) {
      Row row = row(sheet, s, r++, 5);
      label(sheet, s, row, 0, 0, p[0]);
      text(sheet, s, row, 1, 4, p[1]);
    }
    r++;
    Row row = row(sheet, s, r++, 5);
    String[] headers = {"环节", "签署人", "版本", "时间（北京时间）", "所签内容 SHA-256"};
    for (int c = 0; c < headers.length; c++) {
      header(row, s, c, headers[c]);
    }
    for (SignatureLine line : d.signatures()) {
      row = row(sheet, s, r++, 5);
      row.getCell(0).setCellValue(line.role().label());
      row.getCell(1).setCellValue(Formats.text(line.who()));
      row.getCell(2).setCellValue(line.version());
      row.getCell(2).setCellStyle(s.integer);
      row.getCell(3).setCellValue(Formats.clock(line.at()));
      row.getCell(4).setCellValue(line.contentHash() == null ? "" : line.contentHash());
    }
    int[] widths = {20, 16, 8, 24, 70};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  // ---- cells

  private static int title(Sheet sheet, Styles s, String title, int columns) {
    Row row = sheet.createRow(WorkbookLayout.TITLE_ROW);
    row.setHeightInPoints(28);
    Cell cell = row.createCell(0);
    cell.setCellValue(title);
    cell.setCellStyle(s.title);
    merge(sheet, 0, 0, 0, columns - 1);
    return WorkbookLayout.TITLE_ROW + 1;
  }

  /** A "label | value" row of the grid: label A–B, value C–J. Returns the next row. */
  private static int pair(Sheet sheet, Styles s, int r, String label, String value) {
    Row row = gridRow(sheet, s, r);
    label(sheet, s, row, 0, 1, label);
    text(sheet, s, row, 2, GRID_COLUMNS - 1, value);
    return r + 1;
  }

  private static void filling(Sheet sheet, Styles s, int r, int columns, PublishedDocument d) {
    Row row = sheet.createRow(r + 1);
    Cell cell = row.createCell(0);
    cell.setCellValue(String.join("    ", PdfModel.fillingLine(d)));
    cell.setCellStyle(s.plain);
    merge(sheet, r + 1, r + 1, 0, columns - 1);
  }

  private static Row gridRow(Sheet sheet, Styles s, int r) {
    return row(sheet, s, r, GRID_COLUMNS);
  }

  /** A row with a bordered text cell in every column, so merged regions keep their borders. */
  private static Row row(Sheet sheet, Styles s, int r, int columns) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < columns; c++) {
      row.createCell(c).setCellStyle(s.text);
    }
    return row;
  }

  private static void header(Row row, Styles s, int column, String text) {
    Cell cell = row.getCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(s.header);
  }

  private static void block(Row row, Styles s, String text) {
    Cell cell = row.getCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(s.block);
  }

  private static void label(Sheet sheet, Styles s, Row row, int from, int to, String text) {
    for (int c = from; c <= to; c++) {
      row.getCell(c).setCellStyle(s.header);
    }
    row.getCell(from).setCellValue(text);
    merge(sheet, row.getRowNum(), row.getRowNum(), from, to);
  }

  private static void text(Sheet sheet, Styles s, Row row, int from, int to, String text) {
    row.getCell(from).setCellValue(Formats.text(text));
    merge(sheet, row.getRowNum(), row.getRowNum(), from, to);
  }

  /** A numeric cell (money, score, rate); blank when there is no value. */
  private static void number(Row row, CellStyle style, int column, BigDecimal value) {
    Cell cell = row.getCell(column);
    cell.setCellStyle(style);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
    }
  }

  private static int gridWidth(int from, int to) {
    int width = 0;
    for (int c = from; c <= to; c++) {
      width += GRID_WIDTHS[c];
    }
    return width;
  }

  /** Lines a text needs in a cell {@code width} characters wide: a CJK character takes two. */
  static int lines(String text, int width) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    int lines = 0;
    for (String line : text.strip().split("\n", -1)) {
      int units = line.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
      lines += Math.max(1, (units + width - 1) / width);
    }
    return lines;
  }

  /** The row's height for that many lines, up to Excel's maximum of 409 points. */
  private static void fit(Row row, int lines) {
    if (lines > 1) {
      row.setHeightInPoints(Math.min(409f, lines * 15f + 2f));
    }
  }

  private static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
    if (firstRow < lastRow || firstColumn < lastColumn) {
      sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle block;
    final CellStyle text;
    final CellStyle bold;
    final CellStyle centered;
    final CellStyle plain;
    final CellStyle money;
    final CellStyle score;
    final CellStyle integer;
    final CellStyle rate;
    final CellStyle[] indented = new CellStyle[3];

    Styles(XSSFWorkbook wb) {
      Font boldFont = wb.createFont();
      boldFont.setBold(true);
      Font titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);

      title = wb.createCellStyle();
      title.setFont(titleFont);
      title.setAlignment(HorizontalAlignment.CENTER);
      title.setVerticalAlignment(VerticalAlignment.CENTER);

      plain = wb.createCellStyle();

      text = bordered(wb);
      text.setWrapText(true);

      header = bordered(wb);
      header.setFont(boldFont);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setWrapText(true);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

      block = bordered(wb);
      block.setFont(boldFont);
      block.setAlignment(HorizontalAlignment.CENTER);
      block.setWrapText(true);

      bold = bordered(wb);
      bold.setFont(boldFont);

      centered = bordered(wb);
      centered.setAlignment(HorizontalAlignment.CENTER);
      centered.setWrapText(true);

      money = bordered(wb);
      money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      score = bordered(wb);
      score.setDataFormat(wb.createDataFormat().getFormat("General"));
      integer = bordered(wb);
      integer.setDataFormat(wb.createDataFormat().getFormat("0"));
      rate = bordered(wb);
      rate.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
      for (int i = 0; i < indented.length; i++) {
        indented[i] = bordered(wb);
        indented[i].setWrapText(true);
        indented[i].setIndention((short) i);
      }
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
      CellStyle style = wb.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      return style;
    }
  }
}
