package io.jixiao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Project;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PDF of every seed fixture: its text, its fonts, its determinism; and a look at two pages. */
class PackagePdfTest {

  static final PackagePdf PDF = new PackagePdf();

  static List<DocumentFixtures.Fixture> fixtures() {
    return DocumentFixtures.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void holdsTheTablesScoresAndHashAsChineseText(DocumentFixtures.Fixture fixture) throws IOException {
    PublishedDocument d = fixture.document();
    byte[] bytes = PDF.render(d);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(pdf);
      String flat = flat(text);
      assertThat(flat).contains(flat(fixture.unitName())).contains(d.contentHash())
          .contains(flat(d.year() + "年度部门整体支出绩效自评表"));
      if (d.content().basicData() != null) {
        assertThat(flat).contains("部门整体支出绩效评价基础数据表");
      }
      List<SelfEvaluationTable> tables = new ArrayList<>();
      tables.add(d.content().overall());
      d.content().projects().stream().map(Project::table).forEach(tables::add);
      for (SelfEvaluationTable t : tables) {
        for (IndicatorRow row : t.indicators()) {
          assertThat(flat).as("indicator name").contains(flat(row.name()));
          if (row.reviewScore() != null) {
            // name, target, actual, weight, self score, review score: one row, in that order.
            assertThat(flat).as("indicator row with review score").contains(flat(row.name() + row.target()
                + row.actual() + Formats.score(row.weight()) + Formats.score(row.selfScore())
                + Formats.score(row.reviewScore())));
          }
        }
      }
      Summary overall = d.evaluation().overall();
      assertThat(flat).as("总分 row: weight, self total, review total")
          .contains("总分" + Formats.score(Rows.totalWeight(d.content().overall())) + Formats.score(overall.totalScore())
              + Formats.score(overall.reviewTotal()));
      for (int i = 0; i < d.content().projects().size(); i++) {
        Project p = d.content().projects().get(i);
        Summary s = Rows.projectSummary(d.evaluation(), p, i);
        assertThat(flat).contains("总分" + Formats.score(Rows.totalWeight(p.table())) + Formats.score(s.totalScore())
            + Formats.score(s.reviewTotal()));
      }
      int pages = pdf.getNumberOfPages();
      assertThat(flat).contains("第1页共" + pages + "页").contains("第" + pages + "页共" + pages + "页");

      String last = flat(lastPage(pdf));
      assertThat(last).contains("签字与公开记录").contains(d.contentHash()).contains("单位负责人签字张负责")
          .contains("财政复核通过王财政").contains("公开发布admin");
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void embedsOnlyFontSubsets(DocumentFixtures.Fixture fixture) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(PDF.render(fixture.document()))) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void renderingTwiceGivesTheSameBytes(DocumentFixtures.Fixture fixture) throws IOException {
    byte[] first = PDF.render(fixture.document());
    byte[] second = new PackagePdf().render(fixture.document());
    assertThat(second).isEqualTo(first);
    try (PDDocument pdf = Loader.loadPDF(first)) {
      assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(DocumentFixtures.PUBLISHED);
      assertThat(pdf.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(DocumentFixtures.PUBLISHED);
    }
  }

  @Test
  void callersGetTheirOwnCopyAndAFileName() {
    PublishedDocument d = DocumentFixtures.byName("004").document();
    PackagePdf pdf = new PackagePdf();
    byte[] first = pdf.render(d);
    byte[] original = first.clone();
    first[100] ^= 0x55;
    assertThat(pdf.render(d)).isEqualTo(original);
    assertThat(PackagePdf.fileName(d)).isEqualTo("qiannan-jsx-2024-v3.pdf");
    assertThat(PackageWorkbook.fileName(d)).isEqualTo("qiannan-jsx-2024-v3.xlsx");
  }

  /** The overall table and the signature page of seed 003 as PNG, to look at. */
  @Test
  void rendersPagesToPng() throws IOException {
    PublishedDocument d = DocumentFixtures.byName("003").document();
    byte[] bytes = PDF.render(d);
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.write(dir.resolve("documents-003.pdf"), bytes);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFRenderer renderer = new PDFRenderer(pdf);
      int overall = -1;
      for (int i = 0; i < pdf.getNumberOfPages() && overall < 0; i++) {
        if (flat(page(pdf, i)).contains("附件2")) {
          overall = i;
        }
      }
      assertThat(overall).isGreaterThanOrEqualTo(0);
      Path overallPng = dir.resolve("documents-003-overall.png");
      Path lastPng = dir.resolve("documents-003-signatures.png");
      ImageIO.write(renderer.renderImageWithDPI(overall, 110), "png", overallPng.toFile());
      ImageIO.write(renderer.renderImageWithDPI(pdf.getNumberOfPages() - 1, 110), "png", lastPng.toFile());
      assertThat(Files.size(overallPng)).isGreaterThan(20_000);
      assertThat(Files.size(lastPng)).isGreaterThan(10_000);
    }
  }

  static String flat(String s) {
    return s == null ? "" : s.replaceAll("[\\s\\u3000]+", "");
  }

  static String lastPage(PDDocument pdf) throws IOException {
    return page(pdf, pdf.getNumberOfPages() - 1);
  }

  static String page(PDDocument pdf, int index) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(index + 1);
    stripper.setEndPage(index + 1);
    return stripper.getText(pdf);
  }
}
