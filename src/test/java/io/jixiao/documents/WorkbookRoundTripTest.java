package io.jixiao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.Evaluator;
import io.jixiao.form.ReportContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export → import → export: the workbook of every seed fixture, read back into an empty draft and
 * rendered again, has the same value in every cell of every sheet; reading the second workbook
 * gives the same content as the first (the import is a fixed point).
 */
class WorkbookRoundTripTest {

  static final PackageWorkbook WORKBOOK = new PackageWorkbook();

  static List<DocumentFixtures.Fixture> fixtures() {
    return DocumentFixtures.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void exportImportExportGivesTheSameValues(DocumentFixtures.Fixture fixture) throws IOException {
    PublishedDocument first = fixture.document();
    byte[] exported = WORKBOOK.render(first);

    WorkbookImport.Result read = WorkbookImport.read(exported, ReportContent.empty(), first.template());
    assertThat(read.errors()).isEmpty();
    assertThat(read.ok()).isTrue();

    PublishedDocument second = withContent(first, read.content());
    byte[] again = WORKBOOK.render(second);
    assertThat(values(again)).containsExactlyEntriesOf(values(exported));

    WorkbookImport.Result reread = WorkbookImport.read(again, ReportContent.empty(), first.template());
    assertThat(reread.ok()).isTrue();
    assertThat(reread.content()).isEqualTo(read.content());
  }

  /** The numbers themselves, not only their look: every funds and indicator figure equals the fixture's. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void importedTablesHoldTheFixturesFigures(DocumentFixtures.Fixture fixture) {
    PublishedDocument d = fixture.document();
    ReportContent content = WorkbookImport.read(WORKBOOK.render(d), ReportContent.empty(), d.template()).content();
    ReportContent original = d.content();
    assertThat(content.overall().funds()).usingRecursiveFieldByFieldElementComparator(
            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                .withIgnoredFields("label", "explanation")
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).build())
        .containsExactlyInAnyOrderElementsOf(original.overall().funds());
    assertThat(content.overall().indicators()).hasSameSizeAs(original.overall().indicators());
    for (int i = 0; i < original.overall().indicators().size(); i++) {
      var a = content.overall().indicators().get(i);
      var b = original.overall().indicators().get(i);
      assertThat(a.weight()).isEqualByComparingTo(b.weight());
      if (b.selfScore() != null) {
        assertThat(a.selfScore()).isEqualByComparingTo(b.selfScore());
      }
      assertThat(a.counts()).isEqualTo(b.counts());
    }
    assertThat(content.projects()).extracting(io.jixiao.form.Project::code)
        .containsExactlyElementsOf(original.projects().stream().map(io.jixiao.form.Project::code).toList());
    if (original.basicData() != null) {
      assertThat(content.basicData().costs()).hasSameSizeAs(original.basicData().costs());
      assertThat(content.basicData().establishment()).isEqualTo(original.basicData().establishment());
    }
  }

  static PublishedDocument withContent(PublishedDocument d, ReportContent content) {
    return new PublishedDocument(d.unitName(), d.unitCode(), d.region(), d.year(), d.reportId(), d.version(),
        d.contentHash(), d.publishedAt(), d.publishedBy(), d.financeApprovedAt(), content, d.template(),
        Evaluator.evaluate(content, d.template(), d.year()), d.signatures());
  }

  /** Sheet!A1 → the cell's type and value, for every non-blank cell, in order. */
  static Map<String, String> values(byte[] workbook) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
      for (Sheet sheet : wb) {
        values.put(sheet.getSheetName(), "sheet");
        for (Row row : sheet) {
          for (Cell cell : row) {
            String v = switch (cell.getCellType()) {
              case NUMERIC -> "n:" + cell.getNumericCellValue();
              case STRING -> cell.getStringCellValue().isEmpty() ? null : "s:" + cell.getStringCellValue();
              case BOOLEAN -> "b:" + cell.getBooleanCellValue();
              default -> null;
            };
            if (v != null) {
              values.put(sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false), v);
            }
          }
        }
      }
    }
    return values;
  }
}
