package io.jixiao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.documents.WorkbookLayout.CostColumn;
import io.jixiao.documents.WorkbookLayout.FundsColumn;
import io.jixiao.documents.WorkbookLayout.IndicatorColumn;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.FundsRow;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Project;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workbook of every seed fixture, read back with POI: the same numbers as the content, byte-stable. */
class PackageWorkbookTest {

  static final PackageWorkbook WORKBOOK = new PackageWorkbook();

  static List<DocumentFixtures.Fixture> fixtures() {
    return DocumentFixtures.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void holdsTheContentsNumbersAsNumbers(DocumentFixtures.Fixture fixture) throws IOException {
    PublishedDocument d = fixture.document();
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(WORKBOOK.render(d)))) {
      List<String> expectedSheets = new ArrayList<>();
      if (d.content().basicData() != null) {
        expectedSheets.add(WorkbookLayout.BASIC_SHEET);
      }
      expectedSheets.add(WorkbookLayout.OVERALL_SHEET);
      for (int i = 0; i < d.content().projects().size(); i++) {
        expectedSheets.add(WorkbookLayout.projectSheet(i));
      }
      if (!d.content().narrative().isEmpty()) {
        expectedSheets.add(WorkbookLayout.NARRATIVE_SHEET);
      }
      expectedSheets.add(WorkbookLayout.PUBLICATION_SHEET);
      List<String> sheets = new ArrayList<>();
      wb.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactlyElementsOf(expectedSheets);

      if (d.content().basicData() != null) {
        checkCosts(wb.getSheet(WorkbookLayout.BASIC_SHEET), d.content().basicData().costs());
      }
      checkTable(wb.getSheet(WorkbookLayout.OVERALL_SHEET), d.content().overall(), d.evaluation().overall());
      for (int i = 0; i < d.content().projects().size(); i++) {
        Project p = d.content().projects().get(i);
        Sheet sheet = wb.getSheet(WorkbookLayout.projectSheet(i));
        assertThat(text(sheet, find(sheet, 0, WorkbookLayout.PROJECT_CODE), 2)).isEqualTo(p.code());
        checkTable(sheet, p.table(), Rows.projectSummary(d.evaluation(), p, i));
      }
      Sheet publication = wb.getSheet(WorkbookLayout.PUBLICATION_SHEET);
      assertThat(text(publication, find(publication, 0, "公开内容 SHA-256"), 1)).isEqualTo(d.contentHash());
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void renderingTwiceGivesTheSameBytes(DocumentFixtures.Fixture fixture) throws IOException {
    PublishedDocument d = fixture.document();
    byte[] first = WORKBOOK.render(d);
    assertThat(new PackageWorkbook().render(d)).isEqualTo(first);
    // Nothing from the clock: every zip entry carries the publication time (Beijing), as do the properties.
    LocalDateTime published = LocalDateTime.ofInstant(d.publishedAt(), Formats.ZONE);
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; entries++) {
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(published.withNano(0).withSecond(published.getSecond() / 2 * 2));
      }
    }
    assertThat(entries).isGreaterThan(5);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(first))) {
      var core = wb.getProperties().getCoreProperties();
      assertThat(core.getCreated().toInstant()).isEqualTo(d.publishedAt());
      assertThat(core.getModified().toInstant()).isEqualTo(d.publishedAt());
    }
  }

  /** Excel does not fit rows to merged cells: the long goals of seed 003 get the height they need. */
  @org.junit.jupiter.api.Test
  void longGoalsGetTheirHeight() throws IOException {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(WORKBOOK.render(DocumentFixtures.byName("003").document())))) {
      Sheet sheet = wb.getSheet(WorkbookLayout.OVERALL_SHEET);
      int goals = find(sheet, 0, WorkbookLayout.GOALS_BLOCK);
      assertThat(sheet.getRow(goals + 1).getHeightInPoints()).isGreaterThan(150f);
      assertThat(sheet.getRow(goals).getHeightInPoints()).isLessThan(30f);
    }
  }

  private static void checkCosts(Sheet sheet, List<CostRow> costs) {
    int r = find(sheet, CostColumn.LABEL.column, WorkbookLayout.COST_BLOCK) + 1;
    for (CostRow c : costs) {
      String label = c.line() == CostLine.PROJECT_ITEM ? c.label() : WorkbookLayout.label(c.line());
      assertThat(text(sheet, r, CostColumn.LABEL.column)).isEqualTo(label);
      assertNumber(sheet, r, CostColumn.PRIOR_YEAR_FINAL.column, c.priorYearFinal());
      assertNumber(sheet, r, CostColumn.BUDGET.column, c.budget());
      assertNumber(sheet, r, CostColumn.FINAL_ACCOUNT.column, c.finalAccount());
      r++;
    }
  }

  private static void checkTable(Sheet sheet, SelfEvaluationTable t, Summary summary) {
    // Funds: every content row under its canonical label.
    for (FundsRow f : t.funds()) {
      int r = find(sheet, FundsColumn.LABEL.column, WorkbookLayout.label(f.line()));
      assertNumber(sheet, r, FundsColumn.INITIAL_BUDGET.column, f.initialBudget());
      assertNumber(sheet, r, FundsColumn.ADJUSTED_BUDGET.column, f.adjustedBudget());
      assertNumber(sheet, r, FundsColumn.EXECUTED.column, f.executed());
      assertNumber(sheet, r, FundsColumn.WEIGHT.column, f.weight());
      assertNumber(sheet, r, FundsColumn.SELF_SCORE.column, f.selfScore());
      assertNumber(sheet, r, FundsColumn.REVIEW_SCORE.column, f.reviewScore());
    }
    // Indicators: in order under the 绩效指标 header, the block label merged down all of them.
    int header = find(sheet, 0, WorkbookLayout.INDICATORS_BLOCK);
    assertThat(text(sheet, header, IndicatorColumn.NAME.column)).isEqualTo(IndicatorColumn.NAME.header);
    int r = header + 1;
    for (IndicatorRow i : t.indicators()) {
      assertThat(text(sheet, r, IndicatorColumn.NAME.column)).isEqualTo(i.name() == null ? "" : i.name().strip());
      assertNumber(sheet, r, IndicatorColumn.WEIGHT.column, i.weight());
      assertNumber(sheet, r, IndicatorColumn.SELF_SCORE.column, i.selfScore());
      assertNumber(sheet, r, IndicatorColumn.REVIEW_SCORE.column, i.reviewScore());
      r++;
    }
    if (!t.indicators().isEmpty()) {
      assertThat(merged(sheet, header, 0)).isEqualTo(new CellRangeAddress(header, r - 1, 0, 0));
      assertThat(merged(sheet, header + 1, IndicatorColumn.LEVEL1.column)).isNotNull();
    }
    int total = find(sheet, 0, WorkbookLayout.TOTAL_ROW);
    assertThat(total).isEqualTo(r);
    assertNumber(sheet, total, IndicatorColumn.WEIGHT.column, Rows.totalWeight(t));
    assertNumber(sheet, total, IndicatorColumn.SELF_SCORE.column, summary.totalScore());
    assertNumber(sheet, total, IndicatorColumn.REVIEW_SCORE.column, summary.reviewTotal());
    assertThat(text(sheet, total + 1, IndicatorColumn.SELF_SCORE.column)).isEqualTo(Formats.grade(summary.grade()));
  }

  static int find(Sheet sheet, int column, String text) {
    for (Row row : sheet) {
      Cell cell = row.getCell(column);
      if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no \"" + text + "\" in column " + column + " of " + sheet.getSheetName());
  }

  static String text(Sheet sheet, int r, int c) {
    return sheet.getRow(r).getCell(c).getStringCellValue();
  }

  static void assertNumber(Sheet sheet, int r, int c, BigDecimal expected) {
    Cell cell = sheet.getRow(r).getCell(c);
    String where = sheet.getSheetName() + "!" + new org.apache.poi.ss.util.CellReference(r, c).formatAsString();
    if (expected == null) {
      assertThat(cell.getCellType()).as(where).isEqualTo(CellType.BLANK);
      return;
    }
    assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
    assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(where).isEqualByComparingTo(expected);
  }

  static CellRangeAddress merged(Sheet sheet, int r, int c) {
    return sheet.getMergedRegions().stream().filter(m -> m.isInRange(r, c)).findFirst().orElse(null);
  }
}
