package io.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.documents.HandMadeWorkbooks;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/reports/{id}/import: preview (nothing written), confirm with the previewed version
 * (a new version through the save path), cell-addressed 400s, 413, 412, 428, and who may import.
 */
@ApiTest
class ReportImportApiTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  String id;

  static byte[] handMade() {
    return HandMadeWorkbooks.xlsx().basic("附件1").overall("附件2").project("附件4").bytes();
  }

  @BeforeEach
  void draft() {
    int year = Packages.freshYear(jdbc);
    id = post(TestTokens.of("xintian.preparer"), json -> { }, "/api/reports", null, HttpStatus.CREATED,
        Map.of("unitCode", Packages.UNIT, "year", year)).get("id").asString();
  }

  JsonNode post(String token, Consumer<HttpHeaders> headers, String uri, byte[] file, HttpStatus expected, Object body) {
    var spec = http.post().uri(uri).header("Authorization", "Bearer " + token).headers(headers);
    RestTestClient.RequestHeadersSpec<?> request;
    if (file != null) {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
      partHeaders.setContentDisposition(org.springframework.http.ContentDisposition.formData().name("file")
          .filename("自评表.xlsx", java.nio.charset.StandardCharsets.UTF_8).build());
      org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
      parts.add("file", new org.springframework.http.HttpEntity<>(new ByteArrayResource(file), partHeaders));
      request = spec.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
    } else {
      request = spec.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    byte[] out = request.exchange().expectStatus().isEqualTo(expected).expectBody().returnResult().getResponseBody();
    return out == null || out.length == 0 ? json.missingNode() : json.readTree(out);
  }

  JsonNode importAs(String user, byte[] file, String query, String ifMatch, HttpStatus expected) {
    return post(TestTokens.of(user), h -> {
      if (ifMatch != null) {
        h.setIfMatch(ifMatch);
      }
    }, "/api/reports/" + id + "/import" + query, file, expected, null);
  }

  JsonNode current() {
    return http.get().uri("/api/reports/{id}", id).header("Authorization", "Bearer " + TestTokens.of("xintian.preparer"))
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  int versions() {
    return jdbc.sql("select count(*) from jixiao.report_version where report_id = :id::uuid").param("id", id)
        .query(Integer.class).single();
  }

  @Test
  void previewShowsTheContentAndFindingsAndWritesNothing() {
    JsonNode preview = importAs("xintian.preparer", handMade(), "?preview=true", null, HttpStatus.OK);
    assertThat(preview.get("version").asInt()).isEqualTo(1);
    assertThat(preview.get("sheets").get("附件2").asString()).isEqualTo("部门整体支出绩效自评表");
    assertThat(preview.get("content").get("overall").get("funds").get(0).get("initialBudget").decimalValue())
        .isEqualByComparingTo("2923100.00");
    assertThat(preview.get("findings").isArray()).isTrue();
    assertThat(preview.get("findings")).isNotEmpty(); // the hand-made tables do not add up everywhere
    assertThat(preview.get("summary").has("totalScore")).isTrue();
    assertThat(preview.get("cells").get("overall.indicators[2].selfScore").asString()).isEqualTo("附件2!H20");
    assertThat(versions()).isEqualTo(1);
    assertThat(current().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void confirmingWithThePreviewedVersionSavesTheNextVersion() {
    JsonNode saved = importAs("xintian.preparer", handMade(), "", "\"1\"", HttpStatus.OK);
    assertThat(saved.get("version").asInt()).isEqualTo(2);
    JsonNode now = current();
    assertThat(now.get("version").asInt()).isEqualTo(2);
    assertThat(now.get("overall").get("funds").get(0).get("executed").decimalValue()).isEqualByComparingTo("2923100");
    assertThat(now.get("basicData").get("establishment").asInt()).isEqualTo(5);
    assertThat(now.get("projects").get(0).get("name").asString()).isEqualTo("计生协能力建设");
    assertThat(now.get("savedBy").asString()).isEqualTo("xintian.preparer");
  }

  @Test
  void aStaleOrMissingVersionIsRefusedAndNothingIsWritten() {
    importAs("xintian.preparer", handMade(), "", "\"1\"", HttpStatus.OK);
    JsonNode stale = importAs("xintian.preparer", handMade(), "", "\"1\"", HttpStatus.PRECONDITION_FAILED);
    assertThat(stale.get("currentVersion").asInt()).isEqualTo(2);
    importAs("xintian.preparer", handMade(), "", null, HttpStatus.PRECONDITION_REQUIRED);
    assertThat(versions()).isEqualTo(2);
  }

  @Test
  void aBrokenWorkbookIsA400NamingEachCellAndChangesNothing() {
    byte[] broken = HandMadeWorkbooks.xlsx().overall("附件2")
        .with("附件2", s -> HandMadeWorkbooks.set(s, "E8", "约三百万"))
        .with("附件2", s -> HandMadeWorkbooks.set(s, "G20", 130)).bytes();
    for (String query : new String[] {"?preview=true", ""}) {
      JsonNode problem = importAs("xintian.preparer", broken, query, "\"1\"", HttpStatus.BAD_REQUEST);
      assertThat(problem.get("type").asString()).isEqualTo("urn:jixiao:problem:invalid-workbook");
      assertThat(problem.get("errors")).hasSize(2);
      assertThat(problem.get("errors").get(0).get("sheet").asString()).isEqualTo("附件2");
      assertThat(problem.get("errors").get(0).get("cell").asString()).isEqualTo("E8");
      assertThat(problem.get("errors").get(0).get("message").asString()).contains("应为金额");
      assertThat(problem.get("errors").get(1).get("cell").asString()).isEqualTo("G20");
    }
    JsonNode encrypted = importAs("xintian.preparer", HandMadeWorkbooks.encrypted(handMade(), "x"), "", "\"1\"",
        HttpStatus.BAD_REQUEST);
    assertThat(encrypted.get("errors").get(0).get("message").asString()).contains("密码");
    importAs("xintian.preparer", java.util.Arrays.copyOf(handMade(), 2000), "", "\"1\"", HttpStatus.BAD_REQUEST);
    assertThat(versions()).isEqualTo(1);
  }

  @Test
  void aFileOverTheCapIsA413() {
    JsonNode problem = importAs("xintian.preparer", new byte[3 * 1024 * 1024], "?preview=true", null,
        HttpStatus.CONTENT_TOO_LARGE);
    assertThat(problem.get("type").asString()).isEqualTo("urn:jixiao:problem:too-large");
    assertThat(versions()).isEqualTo(1);
  }

  @Test
  void onlyTheUnitsPreparerMayImport() {
    importAs("lingling.preparer", handMade(), "?preview=true", null, HttpStatus.NOT_FOUND);
    importAs("xintian.finance", handMade(), "?preview=true", null, HttpStatus.FORBIDDEN);
    importAs("xintian.head", handMade(), "", "\"1\"", HttpStatus.FORBIDDEN);
    assertThat(versions()).isEqualTo(1);
  }

  /** The draft's own workbook imports back to the same tables. */
  @Test
  void theDraftsWorkbookImportsBackToTheSameContent() {
    importAs("xintian.preparer", handMade(), "", "\"1\"", HttpStatus.OK);
    byte[] workbook = http.get().uri("/api/reports/{id}/workbook", id)
        .header("Authorization", "Bearer " + TestTokens.of("xintian.preparer")).exchange()
        .expectStatus().isOk().expectHeader().contentType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .expectBody(byte[].class).returnResult().getResponseBody();
    JsonNode saved = current();
    JsonNode preview = importAs("xintian.preparer", workbook, "?preview=true", null, HttpStatus.OK);
    assertThat(preview.get("version").asInt()).isEqualTo(2);
    assertThat(preview.get("content").get("basicData")).isEqualTo(saved.get("basicData"));
    // The workbook's 总分 and 评价等级 are the computed ones: read back, they are what the table states.
    JsonNode project = preview.get("content").get("projects").get(0);
    assertThat(project.get("code")).isEqualTo(saved.get("projects").get(0).get("code"));
    for (String part : new String[] {"funds", "goals", "indicators", "supervisor", "implementer", "title"}) {
      assertThat(project.get("table").get(part)).as(part).isEqualTo(saved.get("projects").get(0).get("table").get(part));
    }
    assertThat(project.get("table").get("statedTotal").decimalValue())
        .isEqualByComparingTo(saved.get("projectSummaries").get("P1").get("totalScore").decimalValue());
    assertThat(preview.get("content").get("overall").get("funds")).isEqualTo(saved.get("overall").get("funds"));
    assertThat(preview.get("content").get("overall").get("indicators")).isEqualTo(saved.get("overall").get("indicators"));
  }
}
