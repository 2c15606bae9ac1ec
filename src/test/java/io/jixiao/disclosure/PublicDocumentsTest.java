package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.report.Stage;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The downloads of a published version: the documents module's PDF and workbook, with their SHA-256. */
@ApiTest
class PublicDocumentsTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  @Test
  void bothDocumentsDownloadAnonymouslyWithTheHashThePageShowsAndNeverChange() throws Exception {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    JsonNode published = json.readTree(get("/public/api/reports/" + id).getResponseBody());
    int version = published.get("version").asInt();
    String contentHash = published.get("contentHash").asString();
    String page = new String(get("/public/reports/" + id).getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);

    EntityExchangeResult<byte[]> pdf = get("/public/reports/" + id + "/pdf");
    assertThat(pdf.getStatus().value()).isEqualTo(200);
    assertThat(pdf.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getResponseHeaders().getContentDisposition().getFilename())
        .isEqualTo(Packages.UNIT + "-" + year + "-v" + version + ".pdf");
    byte[] pdfBytes = pdf.getResponseBody();
    String pdfHash = PackageDocuments.sha256(pdfBytes);
    assertThat(pdf.getResponseHeaders().getETag()).isEqualTo("\"" + pdfHash + "\"");
    assertThat(page).containsPattern("id=\"download-pdf\">[\\s\\S]*?" + pdfHash);
    try (PDDocument document = Loader.loadPDF(pdfBytes)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("新田县计划生育协会", "走访慰问困难家庭", contentHash);
    }

    EntityExchangeResult<byte[]> xlsx = get("/public/reports/" + id + "/xlsx");
    assertThat(xlsx.getStatus().value()).isEqualTo(200);
    assertThat(xlsx.getResponseHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    byte[] xlsxBytes = xlsx.getResponseBody();
    String xlsxHash = PackageDocuments.sha256(xlsxBytes);
    assertThat(page).containsPattern("id=\"download-xlsx\">[\\s\\S]*?" + xlsxHash);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes))) {
      assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
    }

    // The same version, the same bytes; a matching If-None-Match is 304; the version is addressable.
    assertThat(get("/public/reports/" + id + "/pdf").getResponseBody()).isEqualTo(pdfBytes);
    assertThat(get("/public/reports/" + id + "/xlsx?version=" + version).getResponseBody()).isEqualTo(xlsxBytes);
    var notModified = http.get().uri("/public/reports/" + id + "/pdf").header("If-None-Match", "\"" + pdfHash + "\"")
        .exchange().returnResult(byte[].class);
    assertThat(notModified.getStatus().value()).isEqualTo(304);

    // /public/verify knows each file by its SHA-256; a file changed by one byte is nobody's.
    for (var file : Map.of("pdf", pdfHash, "xlsx", xlsxHash).entrySet()) {
      JsonNode verified = json.readTree(get("/public/api/verify?hash=" + file.getValue()).getResponseBody());
      assertThat(verified.get("matches").asBoolean()).as(file.getKey()).isTrue();
      assertThat(verified.get("packages").get(0).get("id").asString()).isEqualTo(id);
      assertThat(verified.get("packages").get(0).get("version").asInt()).isEqualTo(version);
      assertThat(verified.get("packages").get(0).get("matched").asString()).isEqualTo(file.getKey());
    }
    byte[] tampered = pdfBytes.clone();
    tampered[tampered.length / 2] ^= 1;
    assertThat(json.readTree(get("/public/api/verify?hash=" + PackageDocuments.sha256(tampered)).getResponseBody())
        .get("matches").asBoolean()).isFalse();

    // A correction in progress changes neither document.
    packages.preparer().post(org.springframework.http.HttpStatus.OK, Map.of("reason", "更正"),
        "/api/reports/{id}/corrections", id);
    ObjectNode content = packages.contentOf(id);
    ((ObjectNode) content.get("overall").get("goals").get(0)).put("achieved", "更正中");
    packages.save(id, content);
    assertThat(get("/public/reports/" + id + "/pdf").getResponseBody()).isEqualTo(pdfBytes);
    assertThat(get("/public/reports/" + id + "/xlsx").getResponseBody()).isEqualTo(xlsxBytes);
    assertThat(get("/public/reports/" + id + "/pdf?version=" + packages.version(id)).getStatus().value()).isEqualTo(404);
  }

  @Test
  void aDocumentIsStoredAsFirstRenderedAndServedAsStored() {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    packages.advanceTo(id, Stage.PUBLISHED);
    int version = packages.version(id);
    // Stored before anyone asks (as a file rendered by an earlier release would be): served as stored,
    // never rendered again, and verifiable by its own hash.
    byte[] earlier = "%PDF-1.7 rendered by an earlier release".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String earlierHash = PackageDocuments.sha256(earlier);
    jdbc.sql("insert into jixiao.published_document (report_id, version, kind, file_name, bytes, sha256) "
            + "values (cast(:r as uuid), :v, 'PDF', 'earlier.pdf', :b, :h)")
        .param("r", id).param("v", version).param("b", earlier).param("h", earlierHash).update();
    EntityExchangeResult<byte[]> pdf = get("/public/reports/" + id + "/pdf");
    assertThat(pdf.getResponseBody()).isEqualTo(earlier);
    assertThat(pdf.getResponseHeaders().getETag()).isEqualTo("\"" + earlierHash + "\"");
    assertThat(new String(get("/public/reports/" + id).getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(earlierHash);
    // The workbook was not stored yet: rendered once, stored, and the stored row is what is served next.
    byte[] xlsx = get("/public/reports/" + id + "/xlsx").getResponseBody();
    assertThat(jdbc.sql("select bytes from jixiao.published_document where report_id = cast(:r as uuid) and kind = 'XLSX'")
        .param("r", id).query(byte[].class).single()).isEqualTo(xlsx);
    assertThat(get("/public/reports/" + id + "/xlsx").getResponseBody()).isEqualTo(xlsx);
    assertThat(jdbc.sql("select count(*) from jixiao.published_document where report_id = cast(:r as uuid)")
        .param("r", id).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void anUnpublishedPackageHasNoDocuments() {
    String draft = packages.createFilled(Packages.freshYear(jdbc));
    for (String kind : List.of("pdf", "xlsx")) {
      assertThat(get("/public/reports/" + draft + "/" + kind).getStatus().value()).isEqualTo(404);
      assertThat(get("/public/reports/" + draft + "/" + kind + "?version=1").getStatus().value()).isEqualTo(404);
    }
    assertThat(get("/public/reports/" + draft + "/docx").getStatus().value()).isEqualTo(404);
  }

  private EntityExchangeResult<byte[]> get(String uri) {
    return http.get().uri(uri).exchange().returnResult(byte[].class);
  }
}
