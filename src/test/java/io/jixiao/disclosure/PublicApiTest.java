package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.OK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The open data API, anonymously: only what was published, as it was published. */
@ApiTest
class PublicApiTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired PublishedBackfill backfill;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  @Test
  void aPublishedPackageIsReadableAsPublishedWithItsRecordsAndOnlyPublishedOnesAreListed() {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    JsonNode lifecycle = packages.preparer().get("/api/reports/{id}/lifecycle", id);
    JsonNode staffView = packages.preparer().get("/api/reports/{id}", id);

    EntityExchangeResult<byte[]> answer = anonymous("/public/api/reports/" + id);
    assertThat(answer.getStatus().value()).isEqualTo(200);
    JsonNode view = json.readTree(answer.getResponseBody());
    int version = lifecycle.get("publication").get("version").asInt();
    String hash = lifecycle.get("publication").get("contentHash").asString();
    assertThat(view.get("version").asInt()).isEqualTo(version);
    assertThat(view.get("contentHash").asString()).isEqualTo(hash);
    assertThat(view.get("unitCode").asString()).isEqualTo(Packages.UNIT);
    assertThat(view.get("regionCode").asString()).isEqualTo("xintian");
    assertThat(view.get("year").asInt()).isEqualTo(year);
    // The content exactly as stored, the evaluation as computed at publication.
    String stored = jdbc.sql("select content::text from jixiao.report_version where report_id = :r and version = :v")
        .param("r", UUID.fromString(id)).param("v", version).query(String.class).single();
    assertThat(view.get("content")).isEqualTo(json.readTree(stored));
    assertThat(view.get("content").get("overall").get("title").asString()).isEqualTo("新田县计划生育协会");
    assertThat(view.get("summary")).isEqualTo(staffView.get("summary"));
    assertThat(view.get("findings")).isEqualTo(staffView.get("findings"));
    assertThat(view.get("summary").get("totalScore").decimalValue()).isEqualByComparingTo("100");
    assertThat(view.get("signature").get("signer").asString()).isEqualTo("xintian.head");
    assertThat(view.get("signature").get("contentHash").asString())
        .isEqualTo(lifecycle.get("signature").get("contentHash").asString());
    assertThat(view.get("publication").get("publishedBy").asString()).isEqualTo("admin");
    assertThat(view.get("publication").get("approvedBy").asString()).isEqualTo("xintian.finance");
    assertThat(view.get("publication").get("publishedOnTime").asBoolean()).isTrue();
    assertThat(view.get("publishedVersions").toString()).isEqualTo("[" + version + "]");

    // Cacheable, with a strong ETag; a matching If-None-Match is 304 with no body.
    String eTag = answer.getResponseHeaders().getETag();
    assertThat(eTag).isEqualTo("\"" + version + "-" + hash + "\"");
    assertThat(answer.getResponseHeaders().getCacheControl()).contains("public", "max-age=300");
    var notModified = http.get().uri("/public/api/reports/" + id).header("If-None-Match", "\"other\", " + eTag)
        .exchange().returnResult(byte[].class);
    assertThat(notModified.getStatus().value()).isEqualTo(304);
    assertThat(notModified.getResponseBody()).isNullOrEmpty();
    assertThat(notModified.getResponseHeaders().getETag()).isEqualTo(eTag);
    var stale = http.get().uri("/public/api/reports/" + id).header("If-None-Match", "\"1-" + "0".repeat(64) + "\"")
        .exchange().returnResult(byte[].class);
    assertThat(stale.getStatus().value()).isEqualTo(200);

    // Listed, filtered by year, region and unit (code or part of its name).
    assertThat(listedIds("/public/api/reports?year=" + year)).containsExactly(id);
    assertThat(listedIds("/public/api/reports?year=" + year + "&region=xintian&unit=计划生育")).containsExactly(id);
    assertThat(listedIds("/public/api/reports?year=" + year + "&unit=" + Packages.UNIT)).containsExactly(id);
    assertThat(listedIds("/public/api/reports?year=" + year + "&region=lingling")).isEmpty();
    assertThat(listedIds("/public/api/reports?year=" + year + "&unit=%25")).isEmpty();
    JsonNode item = json.readTree(anonymous("/public/api/reports?year=" + year).getResponseBody()).get("items").get(0);
    assertThat(item.get("contentHash").asString()).isEqualTo(hash);
    assertThat(item.get("publishedOnTime").asBoolean()).isTrue();

    // The hash names the package and version; another hash names nothing.
    JsonNode verified = json.readTree(anonymous("/public/api/verify?hash=" + hash.toUpperCase()).getResponseBody());
    assertThat(verified.get("matches").asBoolean()).isTrue();
    assertThat(verified.get("packages").get(0).get("id").asString()).isEqualTo(id);
    assertThat(verified.get("packages").get(0).get("version").asInt()).isEqualTo(version);
    JsonNode wrong = json.readTree(anonymous("/public/api/verify?hash=" + "ab".repeat(32)).getResponseBody());
    assertThat(wrong.get("matches").asBoolean()).isFalse();
    assertThat(wrong.get("packages").isEmpty()).isTrue();

    // The frozen row is append-only.
    for (String sql : List.of("update jixiao.published_package set unit_name = 'x' where report_id = :r",
        "delete from jixiao.published_package where report_id = :r")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> jdbc.sql(sql).param("r", UUID.fromString(id)).update()).isInstanceOf(DataAccessException.class);
    }
  }

  @Test
  void unpublishedReturnedAndUnknownIdsAreTheSameNotFoundEverywhere() {
    int draftYear = Packages.freshYear(jdbc);
    String draft = packages.createFilled(draftYear);
    int signYear = Packages.freshYear(jdbc);
    String atSign = packages.createFilled(signYear);
    packages.advanceTo(atSign, Stage.FINANCE_REVIEW);
    int returnedYear = Packages.freshYear(jdbc);
    String returned = packages.createFilled(returnedYear);
    packages.advanceTo(returned, Stage.DISCLOSURE);
    var admin = packages.actor(Role.ADMIN);
    packages.complete(admin, packages.claim(admin, returned), "RETURN", "附件数据需再核", null);
    assertThat(packages.stage(returned)).isEqualTo(Stage.FINANCE_REVIEW);

    String unknown = UUID.randomUUID().toString();
    EntityExchangeResult<byte[]> reference = anonymous("/public/api/reports/" + unknown);
    assertThat(reference.getStatus().value()).isEqualTo(404);
    String referenceBody = new String(reference.getResponseBody()).replace(unknown, "ID");
    assertThat(referenceBody).contains("urn:jixiao:problem:not-found");
    for (String id : List.of(draft, atSign, returned)) {
      for (String uri : List.of("/public/api/reports/ID", "/public/api/reports/ID/versions/1",
          "/public/api/reports/ID/versions/2", "/public/reports/ID", "/public/reports/ID?version=1")) {
        EntityExchangeResult<byte[]> answer = anonymous(uri.replace("ID", id));
        assertThat(answer.getStatus().value()).as(uri).isEqualTo(404);
        if (uri.startsWith("/public/api/reports/ID") && !uri.contains("versions")) {
          assertThat(new String(answer.getResponseBody()).replace(id, "ID")).isEqualTo(referenceBody);
          assertThat(answer.getResponseHeaders().getETag()).isNull();
        }
      }
    }
    for (int year : List.of(draftYear, signYear, returnedYear)) {
      assertThat(listedIds("/public/api/reports?year=" + year)).isEmpty();
    }
    assertThat(listedIds("/public/api/reports?size=100")).doesNotContain(draft, atSign, returned);
    String hash = packages.preparer().get("/api/reports/{id}", returned).get("contentHash").asString();
    assertThat(json.readTree(anonymous("/public/api/verify?hash=" + hash).getResponseBody()).get("matches").asBoolean())
        .isFalse();
  }

  @Test
  void aCorrectionInProgressNeverShowsAndItsPublicationAddsTheNewestVersion() {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    JsonNode published = json.readTree(anonymous("/public/api/reports/" + id).getResponseBody());
    int publishedVersion = published.get("version").asInt();

    packages.preparer().post(OK, Map.of("reason", "目标完成情况表述需更正"), "/api/reports/{id}/corrections", id);
    ObjectNode content = packages.contentOf(id);
    ((ObjectNode) content.get("overall").get("goals").get(0)).put("achieved", "更正中：走访慰问241户");
    packages.save(id, content);
    int draftVersion = packages.version(id);
    assertThat(draftVersion).isGreaterThan(publishedVersion);
    String draftHash = packages.preparer().get("/api/reports/{id}", id).get("contentHash").asString();

    JsonNode during = json.readTree(anonymous("/public/api/reports/" + id).getResponseBody());
    assertThat(during).isEqualTo(published);
    assertThat(during.toString()).doesNotContain("更正中");
    assertThat(anonymous("/public/api/reports/" + id + "/versions/" + draftVersion).getStatus().value()).isEqualTo(404);
    assertThat(anonymous("/public/reports/" + id).getStatus().value()).isEqualTo(200);
    assertThat(new String(anonymous("/public/reports/" + id).getResponseBody())).doesNotContain("更正中");
    assertThat(anonymous("/public/reports/" + id + "?version=" + draftVersion).getStatus().value()).isEqualTo(404);
    JsonNode listed = json.readTree(anonymous("/public/api/reports?year=" + year).getResponseBody()).get("items");
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).get("version").asInt()).isEqualTo(publishedVersion);
    assertThat(json.readTree(anonymous("/public/api/verify?hash=" + draftHash).getResponseBody()).get("matches")
        .asBoolean()).isFalse();

    // Once the correction is published, it is the newest; the first publication stays readable.
    packages.advanceTo(id, Stage.PUBLISHED);
    JsonNode corrected = json.readTree(anonymous("/public/api/reports/" + id).getResponseBody());
    assertThat(corrected.get("version").asInt()).isGreaterThanOrEqualTo(draftVersion);
    assertThat(corrected.get("content").get("overall").get("goals").get(0).get("achieved").asString())
        .isEqualTo("更正中：走访慰问241户");
    assertThat(corrected.get("publishedVersions").toString())
        .isEqualTo("[" + publishedVersion + "," + corrected.get("version").asInt() + "]");
    JsonNode first = json.readTree(anonymous("/public/api/reports/" + id + "/versions/" + publishedVersion)
        .getResponseBody());
    assertThat(first.get("contentHash")).isEqualTo(published.get("contentHash"));
    assertThat(first.get("content")).isEqualTo(published.get("content"));
    listed = json.readTree(anonymous("/public/api/reports?year=" + year).getResponseBody()).get("items");
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).get("version").asInt()).isEqualTo(corrected.get("version").asInt());
  }

  @Test
  void publicationsMadeBeforeTheTableExistedAreFrozenAtStartUpOnce() {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.DISCLOSURE);
    UUID report = UUID.fromString(id);
    // What a publication before migration V7 left: its publication row, and nothing frozen.
    var approval = jdbc.sql("select version, content_hash from jixiao.approval where report_id = :r order by id desc limit 1")
        .param("r", report).query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).single();
    jdbc.sql("insert into jixiao.publication (report_id, version, content_hash, published_by) values (:r, :v, :h, 'admin')")
        .param("r", report).param("v", approval.getKey()).param("h", approval.getValue()).update();
    assertThat(anonymous("/public/api/reports/" + id).getStatus().value()).isEqualTo(404);

    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
    JsonNode view = json.readTree(anonymous("/public/api/reports/" + id).getResponseBody());
    assertThat(view.get("version").asInt()).isEqualTo(approval.getKey());
    assertThat(view.get("contentHash").asString()).isEqualTo(approval.getValue());
    assertThat(view.get("signature").get("signer").asString()).isEqualTo("xintian.head");
    assertThat(backfill.backfill()).isZero();
  }

  @Test
  void aPackagePublishedMoreThanTwentyDaysAfterItsApprovalIsShownAsLate() throws Exception {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.DISCLOSURE);
    UUID report = UUID.fromString(id);
    // The same approval as finance gave it, 30 days ago (as if the package had waited that long).
    jdbc.sql("""
        insert into jixiao.approval (report_id, version, content_hash, approved_by, approved_at)
        select report_id, version, content_hash, approved_by, now() - interval '30 days' from jixiao.approval
         where report_id = :r order by id desc limit 1
        """).param("r", report).update();
    packages.approve(id);
    JsonNode view = json.readTree(anonymous("/public/api/reports/" + id).getResponseBody());
    assertThat(view.get("publication").get("publishedOnTime").asBoolean()).isFalse();
    assertThat(java.time.LocalDate.parse(view.get("publication").get("deadline").asString()))
        .isBefore(java.time.LocalDate.now(PublishedPackage.ZONE));
    assertThat(new String(anonymous("/public/reports/" + id).getResponseBody()))
        .containsPattern("id=\"on-time\" class=\"badge late\">逾期<");
    assertThat(json.readTree(anonymous("/public/api/reports?year=" + year).getResponseBody()).get("items").get(0)
        .get("publishedOnTime").asBoolean()).isFalse();
  }

  @Test
  void parametersAreBounded() {
    for (String query : List.of("size=0", "size=101", "page=-1", "page=1001", "year=1999", "year=abc",
        "unit=" + "x".repeat(101), "region=" + "x".repeat(101))) {
      EntityExchangeResult<byte[]> answer = anonymous("/public/api/reports?" + query);
      assertThat(answer.getStatus().value()).as(query).isEqualTo(400);
      assertThat(new String(answer.getResponseBody())).as(query).contains("urn:jixiao:problem:");
    }
    assertThat(anonymous("/public/api/reports/not-a-uuid").getStatus().value()).isEqualTo(400);
    assertThat(anonymous("/public/api/reports?size=100&page=1000").getStatus().value()).isEqualTo(200);
  }

  @Test
  void aBurstFromOneAddressIsRefusedWith429AndRetryAfterAndRecovers() throws Exception {
    String address = "198.51.100." + (1 + (int) (Math.random() * 250));
    // Requests as fast as one client can send them, until the first refusal: the bucket's 40 (test
    // configuration) pass at least, then a 429 comes long before the loop's end (refill is 20/s).
    List<Integer> statuses = new ArrayList<>();
    MockHttpServletResponse refused = null;
    for (int i = 0; i < 2000 && refused == null; i++) {
      MockHttpServletResponse answer = mvc.perform(get("/public/api/reports/" + UUID.randomUUID()).with(r -> {
        r.setRemoteAddr(address);
        return r;
      })).andReturn().getResponse();
      statuses.add(answer.getStatus());
      if (answer.getStatus() == 429) {
        refused = answer;
      }
    }
    assertThat(refused).as("no 429 in %s requests", statuses.size()).isNotNull();
    assertThat(statuses.subList(0, statuses.size() - 1)).hasSizeGreaterThanOrEqualTo(40).containsOnly(404);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("urn:jixiao:problem:rate-limited", "\"status\":429");
    assertThat(refused.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(refused.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 5L);

    // Another address is not affected meanwhile; the first recovers once the bucket refills.
    assertThat(mvc.perform(get("/public/api/reports").with(r -> {
      r.setRemoteAddr("203.0.113.9");
      return r;
    })).andReturn().getResponse().getStatus()).isEqualTo(200);
    Thread.sleep(retryAfter * 1000 + 100);
    assertThat(mvc.perform(get("/public/api/reports").with(r -> {
      r.setRemoteAddr(address);
      return r;
    })).andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  private EntityExchangeResult<byte[]> anonymous(String uri) {
    return http.get().uri(uri).exchange().returnResult(byte[].class);
  }

  private List<String> listedIds(String uri) {
    EntityExchangeResult<byte[]> answer = anonymous(uri);
    assertThat(answer.getStatus().value()).as(uri).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(answer.getResponseBody()).get("items").forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }
}
