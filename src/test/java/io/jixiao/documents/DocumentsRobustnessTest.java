package io.jixiao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.Evaluator;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.ReportContent;
import io.jixiao.form.SelfEvaluationTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The documents do not depend on the machine's zone or locale, and take any text a unit may write. */
class DocumentsRobustnessTest {

  @Test
  void theMachinesTimeZoneAndLocaleChangeNoByte() {
    PublishedDocument d = DocumentFixtures.byName("003").document();
    byte[] pdf = new PackagePdf().render(d);
    byte[] xlsx = new PackageWorkbook().render(d);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      Locale.setDefault(Locale.GERMANY); // decimal comma
      assertThat(new PackagePdf().render(d)).isEqualTo(pdf);
      assertThat(new PackageWorkbook().render(d)).isEqualTo(xlsx);
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  /** Another process (fresh identity hashes, another zone and locale) writes the same bytes. */
  @Test
  void anotherJvmWritesTheSameBytes() throws Exception {
    PublishedDocument d = DocumentFixtures.byName("003").document();
    String expected = "pdf " + DocumentFixtures.sha256(new PackagePdf().render(d)) + "\n"
        + "xlsx " + DocumentFixtures.sha256(new PackageWorkbook().render(d)) + "\n";
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.timezone=Pacific/Auckland", "-Duser.language=de", "-Duser.country=DE", "-Dfile.encoding=ISO-8859-1",
        "-cp", System.getProperty("java.class.path"), RenderInAnotherJvm.class.getName(), "003")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("pdf ") || l.startsWith("xlsx ")).map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining()); // the log goes to stdout too
    assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void markupControlCharactersAndLongWordsArePrintedAsText() throws IOException {
    PublishedDocument base = DocumentFixtures.byName("004").document();
    ReportContent c = base.content();
    SelfEvaluationTable t = c.overall();
    List<IndicatorRow> rows = new ArrayList<>(t.indicators());
    IndicatorRow first = rows.get(0);
    String markup = "<script>alert('x')</script>&amp;<b>粗</b>";
    String longWord = "长".repeat(300) + "x".repeat(300);
    rows.set(0, new IndicatorRow(first.level1(), "控制\u0001字符\u0007", markup, "≥98%\u0000", "😀99%", first.weight(),
        first.selfScore(), first.reviewScore(), longWord, null));
    SelfEvaluationTable odd = new SelfEvaluationTable(t.title(), t.supervisor(), t.implementer(), t.funds(), t.goals(),
        rows, t.statedTotal(), t.statedGrade());
    List<NarrativeSection> narrative = List.of(new NarrativeSection("basic", "一、基本情况", "甲".repeat(33_000), List.of()));
    ReportContent content = new ReportContent(c.basicData(), odd, narrative, c.projects(), c.filling(), c.acknowledgements());
    PublishedDocument d = new PublishedDocument(base.unitName(), base.unitCode(), base.region(), base.year(),
        base.reportId(), base.version(), base.contentHash(), base.publishedAt(), base.publishedBy(),
        base.financeApprovedAt(), content, base.template(), Evaluator.evaluate(content, base.template(), base.year()),
        base.signatures());

    byte[] pdf = new PackagePdf().render(d);
    assertThat(new PackagePdf().render(d)).isEqualTo(pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String flat = PackagePdfTest.flat(new PDFTextStripper().getText(doc));
      assertThat(flat).contains("<script>alert('x')</script>&amp;<b>粗</b>").contains("长".repeat(100));
      // A character the font lacks (the emoji) falls back to nothing unembedded.
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
        }
      }
    }
    byte[] xlsx = new PackageWorkbook().render(d);
    assertThat(new PackageWorkbook().render(d)).isEqualTo(xlsx);
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheet(WorkbookLayout.OVERALL_SHEET);
      int header = PackageWorkbookTest.find(sheet, 0, WorkbookLayout.INDICATORS_BLOCK);
      assertThat(PackageWorkbookTest.text(sheet, header + 1, WorkbookLayout.IndicatorColumn.NAME.column)).isEqualTo(markup);
      var narrativeSheet = wb.getSheet(WorkbookLayout.NARRATIVE_SHEET);
      // 33,000 characters do not fit one cell (32,767): they continue in the rows below.
      StringBuilder text = new StringBuilder();
      for (int r = 1; r <= narrativeSheet.getLastRowNum(); r++) {
        text.append(narrativeSheet.getRow(r).getCell(1).getStringCellValue());
      }
      assertThat(text.toString()).isEqualTo("甲".repeat(33_000));
    }
  }
}
