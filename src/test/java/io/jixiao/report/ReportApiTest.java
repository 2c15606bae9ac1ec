package io.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ApiTest
class ReportApiTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  static final String CONTENT = """
      {"overall":{"title":"新田县计划生育协会","supervisor":"新田县卫生健康局","implementer":null,
        "funds":[{"line":"TOTAL","label":"年度资金总额","initialBudget":2923100.00,"adjustedBudget":2923100.00,
                  "executed":2923100.00,"weight":10,"selfScore":10,"reviewScore":null,"explanation":null},
                 {"line":"GENERAL_BUDGET","label":"一般公共预算","initialBudget":2923100.00,"adjustedBudget":2923100.00,
                  "executed":2923100.00,"weight":null,"selfScore":null,"reviewScore":null,"explanation":null}],
        "goals":[{"expected":"提升计生协基层组织和能力建设","achieved":"走访慰问240户"}],
        "indicators":[{"level1":"OUTPUT","level2":"数量指标","name":"走访慰问困难家庭","target":"≥240户","actual":"240户",
                       "weight":90,"selfScore":88.50,"reviewScore":null,"deviationReason":"个别家庭外出"}],
        "statedTotal":98.5,"statedGrade":"优"},
       "narrative":[{"key":"basic","title":"一、基本情况","text":"县计生协编制5人。","figures":[]}],
       "projects":[],"filling":{"preparer":"肖桂芳","phone":"13874763461","date":"2023-03-29"},
       "basicData":{"establishment":5,"staffInPost":5,"costs":[{"line":"BASIC","label":"一、部门基本支出",
         "priorYearFinal":1393800.00,"budget":2923100.00,"finalAccount":2923100.00}],"buildings":[],"frugality":"严格控制三公经费"},
       "acknowledgements":[]}
      """;

  String unit = "xintian-fyjk";
  int year;

  @BeforeEach
  void freshYear() {
    http = http.mutate().defaultHeader("Authorization",
        "Bearer " + io.jixiao.support.TestTokens.forUser("fyjk.preparer", "preparer", unit)).build();
    // Each test takes its own (unit, year): one package per unit and year.
    year = io.jixiao.support.Packages.freshYear(jdbc, unit, "xintian");
  }

  @Test
  void createsAPackageWithVersionOneAndItsSummary() {
    JsonNode created = create(HttpStatus.CREATED);
    assertThat(created.get("id").asString()).isNotBlank();
    assertThat(created.get("version").asInt()).isEqualTo(1);
    assertThat(created.get("unitCode").asString()).isEqualTo(unit);
    assertThat(created.get("summary").has("totalScore")).isTrue();
    assertThat(created.get("findings").isArray()).isTrue();

    http.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("unitCode", unit, "year", year)).exchange()
        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectBody().jsonPath("$.type").isEqualTo("urn:jixiao:problem:duplicate-report");
  }

  @Test
  void aPackageRoundTripsThroughPutAndGetUnchanged() {
    String id = create(HttpStatus.CREATED).get("id").asString();
    JsonNode saved = put(id, "\"1\"", CONTENT, HttpStatus.OK);
    assertThat(saved.get("version").asInt()).isEqualTo(2);

    JsonNode fetched = get(id);
    assertThat(contentOf(fetched)).isEqualTo(contentOf(json.readTree(CONTENT)));
    assertThat(fetched.get("contentHash").asString()).isEqualTo(saved.get("contentHash").asString()).hasSize(64);

    // The whole GET body goes back as a PUT (read-only fields are ignored) and changes nothing but the version.
    JsonNode again = put(id, "\"2\"", fetched.toString(), HttpStatus.OK);
    assertThat(again.get("version").asInt()).isEqualTo(3);
    assertThat(again.get("contentHash").asString()).isEqualTo(saved.get("contentHash").asString());
    assertThat(contentOf(get(id))).isEqualTo(contentOf(json.readTree(CONTENT)));
  }

  @Test
  void aStaleIfMatchIsRefusedWith412AndNothingIsSaved() {
    String id = create(HttpStatus.CREATED).get("id").asString();
    put(id, "\"1\"", CONTENT, HttpStatus.OK);
    JsonNode problem = put(id, "\"1\"", "{}", HttpStatus.PRECONDITION_FAILED);
    assertThat(problem.get("currentVersion").asInt()).isEqualTo(2);
    assertThat(versions(id)).hasSize(2);
    assertThat(contentOf(get(id))).isEqualTo(contentOf(json.readTree(CONTENT)));

    put(id, null, "{}", HttpStatus.PRECONDITION_REQUIRED);
    assertThat(versions(id)).hasSize(2);
  }

  @Test
  void badInputGetsAClear4xxAndLeavesStoredVersionsUntouched() {
    String id = create(HttpStatus.CREATED).get("id").asString();
    put(id, "\"1\"", CONTENT, HttpStatus.OK);
    String before = get(id).toString();

    JsonNode malformed = put(id, "\"2\"", "{\"overall\": {", HttpStatus.BAD_REQUEST);
    assertThat(malformed.get("detail").asString()).contains("JSON");

    JsonNode negative = put(id, "\"2\"", CONTENT.replace("\"executed\":2923100.00,\"weight\":10", "\"executed\":-1,\"weight\":10"),
        HttpStatus.BAD_REQUEST);
    assertThat(negative.get("errors").toString()).contains("overall.funds[0].executed");

    JsonNode text = put(id, "\"2\"", CONTENT.replace("\"weight\":90", "\"weight\":\"九十\""), HttpStatus.BAD_REQUEST);
    assertThat(text.get("detail").asString()).contains("overall.indicators[0].weight");

    String tenMegabytes = "{\"narrative\":[{\"key\":\"basic\",\"text\":\"" + "绩".repeat(10 * 1024 * 1024 / 3) + "\"}]}";
    JsonNode tooLarge = put(id, "\"2\"", tenMegabytes, HttpStatus.CONTENT_TOO_LARGE);
    assertThat(tooLarge.get("status").asInt()).isEqualTo(413);

    http.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("unitCode", "no-such-unit", "year", year)).exchange()
        .expectStatus().isNotFound()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("no-such-unit"));

    http.get().uri("/api/reports/{id}", java.util.UUID.randomUUID()).exchange().expectStatus().isNotFound();

    assertThat(versions(id)).hasSize(2);
    assertThat(get(id).toString()).isEqualTo(before);
  }

  @Test
  void versionsAreImmutableInTheDatabase() {
    String id = create(HttpStatus.CREATED).get("id").asString();
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            jdbc.sql("update jixiao.report_version set content_hash = 'x' where report_id = cast(:id as uuid)")
                .param("id", id).update())
        // The app's role may not; the owner is refused by the trigger (database.DatabaseGuardsTest).
        .rootCause().hasMessageContaining("permission denied for table report_version");
  }

  JsonNode create(HttpStatus expected) {
    byte[] body = http.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("unitCode", unit, "year", year)).exchange()
        .expectStatus().isEqualTo(expected)
        .expectBody().returnResult().getResponseBody();
    return json.readTree(body);
  }

  JsonNode get(String id) {
    return json.readTree(http.get().uri("/api/reports/{id}", id).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }

  JsonNode put(String id, String ifMatch, String body, HttpStatus expected) {
    var request = http.put().uri("/api/reports/{id}", id).contentType(MediaType.APPLICATION_JSON);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return json.readTree(request.body(body).exchange().expectStatus().isEqualTo(expected)
        .expectBody().returnResult().getResponseBody());
  }

  List<JsonNode> versions(String id) {
    JsonNode list = json.readTree(http.get().uri("/api/reports/{id}/versions", id).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    return list.valueStream().toList();
  }

  /** The content fields of a package view, as the client sent them. */
  static JsonNode contentOf(JsonNode view) {
    ObjectNode content = ((ObjectNode) view).deepCopy();
    content.retain("basicData", "overall", "narrative", "projects", "filling", "acknowledgements");
    return content;
  }
}
