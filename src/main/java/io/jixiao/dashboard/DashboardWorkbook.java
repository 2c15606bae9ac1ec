package io.jixiao.dashboard;

import io.jixiao.report.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The dashboard table as an .xlsx workbook, rows streamed from the query as they come (POI's SXSSF keeps
 * only a window of rows in memory): days as numbers, dates as date cells with a date format, times
 * as date-time cells — never numbers or dates as text. Times are China's (as the page shows them).
 */
@Component
public class DashboardWorkbook {

  /** The columns, in order; the caller gives their headers in the page's language. */
  public enum Column {
    UNIT_CODE, UNIT_NAME, STAGE, ASSIGNEE, WAITING_SINCE, WAITING_DAYS, DUE, APPROVED_AT, PUBLICATION_DEADLINE,
    DAYS_TO_DEADLINE, PUBLISHED_AT, LATE
  }

  private static final int WINDOW = 200;

  private final Dashboard dashboard;

  DashboardWorkbook(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  /**
   * Writes the cycle's rows matching the filter, in the table's order, to {@code out}.
   *
   * @param headers   one header per {@link Column}
   * @param stageName a stage as the page names it
   * @param yesNo     the late column's two words, yes first
   */
  public int write(OutputStream out, long cycleId, Dashboard.Filter filter, Dashboard.Sort sort, boolean descending,
      String sheetName, List<String> headers, Function<Stage, String> stageName, List<String> yesNo) throws IOException {
    if (headers.size() != Column.values().length) {
      throw new IllegalArgumentException("one header per column");
    }
    SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    try {
      SXSSFSheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle time = wb.createCellStyle();
      time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      Row header = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
        header.getCell(c).setCellStyle(head);
      }
      sheet.createFreezePane(0, 1);
      int[] r = {1};
      int n = dashboard.forEach(cycleId, filter, sort, descending, row -> {
        Row line = sheet.createRow(r[0]++);
        text(line, Column.UNIT_CODE, row.unitCode());
        text(line, Column.UNIT_NAME, row.unitName());
        text(line, Column.STAGE, stageName.apply(row.stage()));
        text(line, Column.ASSIGNEE, row.assignee());
        time(line, Column.WAITING_SINCE, row.waitingSince(), time);
        number(line, Column.WAITING_DAYS, row.waitingDays());
        date(line, Column.DUE, row.due(), date);
        time(line, Column.APPROVED_AT, row.approvedAt(), time);
        date(line, Column.PUBLICATION_DEADLINE, row.publicationDeadline(), date);
        number(line, Column.DAYS_TO_DEADLINE, row.daysToDeadline());
        time(line, Column.PUBLISHED_AT, row.publishedAt(), time);
        text(line, Column.LATE, row.late() ? yesNo.get(0) : yesNo.get(1));
      });
      widths(sheet);
      wb.write(out);
      return n;
    } finally {
      wb.close();
    }
  }

  private static void widths(Sheet sheet) {
    int[] chars = {16, 30, 16, 18, 17, 10, 12, 17, 12, 12, 17, 8};
    for (int c = 0; c < chars.length; c++) {
      sheet.setColumnWidth(c, chars[c] * 256);
    }
  }

  private static void text(Row row, Column column, String value) {
    if (value != null) {
      row.createCell(column.ordinal()).setCellValue(value);
    }
  }

  private static void number(Row row, Column column, Integer value) {
    if (value != null) {
      row.createCell(column.ordinal()).setCellValue(value.doubleValue());
    }
  }

  private static void date(Row row, Column column, LocalDate value, CellStyle style) {
    if (value != null) {
      var cell = row.createCell(column.ordinal());
      cell.setCellValue(value);
      cell.setCellStyle(style);
    }
  }

  private static void time(Row row, Column column, OffsetDateTime value, CellStyle style) {
    if (value != null) {
      var cell = row.createCell(column.ordinal());
      cell.setCellValue(value.atZoneSameInstant(Dashboard.ZONE).toLocalDateTime());
      cell.setCellStyle(style);
    }
  }
}
