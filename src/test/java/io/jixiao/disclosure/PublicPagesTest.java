package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.OK;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.support.ApiTest;
import io.jixiao.support.PageSession;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's pages, anonymously: list, search, the package's official tables, verify; their headers. */
@ApiTest
class PublicPagesTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  /** A published package whose finance reviewer re-scored one row (review total 98). */
  String publishedWithReviewScores(int year) {
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.FINANCE_REVIEW);
    var finance = packages.actor(Role.FINANCE_REVIEWER);
    String task = packages.claim(finance, id);
    finance.put(OK, Map.of("scores", Map.of("overall.indicators[0]", 48)), h -> { },
        "/api/reports/{id}/review-scores", id);
    packages.complete(finance, task, "APPROVE", "复核通过", null);
    packages.advanceTo(id, Stage.PUBLISHED);
    return id;
  }

  @Test
  void thePackagePageShowsTheOfficialTablesReadOnlyWithScoresGradeDateAndHash() throws Exception {
    int year = Packages.freshYear(jdbc);
    String id = publishedWithReviewScores(year);
    JsonNode api = json.readTree(http.get().uri("/public/api/reports/" + id).exchange().returnResult(byte[].class)
        .getResponseBody());
    String hash = api.get("contentHash").asString();

    MockHttpServletResponse page = anonymous("/public/reports/" + id);
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html).contains("新田县计划生育协会", "附件1", "附件2", "附件3", "附件5", "部门整体支出绩效自评表",
        "走访慰问困难家庭", "服务对象满意度", "≥240户", hash, "按时", "xintian.head", "下载 PDF / Excel",
        "id=\"downloads-pending\"");
    // Self score 50 and review score 48 of the first row; totals 100 and 98, grade 优.
    assertThat(html).containsPattern("class=\"num self-score\">50</td>\\s*<td class=\"num review-score\">48</td>");
    assertThat(html).contains("<dd class=\"total-score\">100.00</dd>", "<dd class=\"review-total\">98.00</dd>");
    assertThat(html).contains("<dd class=\"grade\">优</dd>");
    assertThat(html).contains(api.get("publication").get("publishedAt").asString().substring(0, 10));
    // Read-only: no form fields, no script, no inline style.
    assertThat(html).doesNotContain("<input", "<textarea", "<select", "<script", " style=", " onclick=");
    assertSecurityHeaders(page);

    String english = anonymous("/public/reports/" + id + "?lang=en").getContentAsString();
    assertThat(english).contains("Publication record", "Content hash (SHA-256)", "Attachment 2", "on time",
        "Download PDF / Excel", "year " + year).doesNotContain("公开记录");
  }

  @Test
  void theListShowsPublishedPackagesByYearRegionAndUnitNameAndHidesTheRest() throws Exception {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    int draftYear = Packages.freshYear(jdbc);
    String draft = packages.createFilled(draftYear);

    MockHttpServletResponse list = anonymous("/public?year=" + year);
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString()).contains("/public/reports/" + id, "新田县计划生育协会", "新田县");
    assertSecurityHeaders(list);
    assertThat(anonymous("/public?year=" + year + "&q=计划生育&region=xintian").getContentAsString())
        .contains("/public/reports/" + id);
    assertThat(anonymous("/public?year=" + year + "&q=不存在的单位").getContentAsString())
        .doesNotContain("/public/reports/" + id).contains("id=\"no-results\"");
    assertThat(anonymous("/public?year=" + draftYear).getContentAsString())
        .doesNotContain("/public/reports/" + draft).contains("id=\"no-results\"");
    assertThat(anonymous("/public").getContentAsString()).doesNotContain(draft);
    assertThat(anonymous("/public/reports/" + draft).getStatus()).isEqualTo(404);
    assertThat(anonymous("/public/reports/" + draft).getContentAsString())
        .isEqualTo(anonymous("/public/reports/" + UUID.randomUUID()).getContentAsString());
    assertThat(anonymous("/public?lang=en").getContentAsString()).contains("Published performance self-evaluation reports");
    assertThat(anonymous("/public?page=1001").getStatus()).isEqualTo(400);
  }

  @Test
  void verifyNamesThePackageAndVersionOfARightHashAndSaysNoMatchOtherwise() throws Exception {
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    JsonNode lifecycle = packages.preparer().get("/api/reports/{id}/lifecycle", id);
    String hash = lifecycle.get("publication").get("contentHash").asString();
    int version = lifecycle.get("publication").get("version").asInt();

    MockHttpServletResponse form = anonymous("/public/verify");
    assertThat(form.getStatus()).isEqualTo(200);
    assertThat(form.getContentAsString()).contains("name=\"_csrf\"", "name=\"hash\"");
    assertSecurityHeaders(form);

    String match = mvc.perform(post("/public/verify").param("hash", " " + hash.toUpperCase() + " ").with(csrf()))
        .andReturn().getResponse().getContentAsString();
    assertThat(match).contains("id=\"verify-match\"", "/public/reports/" + id + "?version=" + version,
        "第 " + version + " 版", year + " 年度").doesNotContain("verify-no-match");

    String wrong = "0123456789abcdef".repeat(4);
    MockHttpServletResponse none = mvc.perform(post("/public/verify").param("hash", wrong).with(csrf()))
        .andReturn().getResponse();
    assertThat(none.getContentAsString()).contains("id=\"verify-no-match\"", "不匹配").doesNotContain("verify-match\"");
    String english = mvc.perform(post("/public/verify?lang=en").param("hash", wrong).with(csrf()))
        .andReturn().getResponse().getContentAsString();
    assertThat(english).contains("Does not match");
    assertThat(mvc.perform(post("/public/verify").param("hash", "not a hash").with(csrf()))
        .andReturn().getResponse().getContentAsString()).contains("id=\"verify-invalid\"");
    // A form post without the CSRF token is refused, as every form of the app.
    assertThat(mvc.perform(post("/public/verify").param("hash", hash)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  void nothingBehindLoginIsCachedWhilePublicDataIs() throws Exception {
    String session = PageSession.of(context, "xintian.preparer");
    for (String uri : List.of("/tasks", "/reports")) {
      MockHttpServletResponse page = mvc.perform(get(uri).cookie(new Cookie(PageSession.COOKIE, session)))
          .andReturn().getResponse();
      assertThat(page.getStatus()).as(uri).isEqualTo(200);
      assertThat(page.getHeader("Cache-Control")).as(uri).contains("no-store");
    }
    MockHttpServletResponse api = mvc.perform(get("/api/units")
        .header("Authorization", "Bearer " + TestTokens.of("xintian.preparer"))).andReturn().getResponse();
    assertThat(api.getStatus()).isEqualTo(200);
    assertThat(api.getHeader("Cache-Control")).contains("no-store");
    MockHttpServletResponse data = anonymous("/public/api/reports");
    assertThat(data.getHeader("Cache-Control")).contains("public").doesNotContain("no-store");
    // The open data API: the API's headers, no session.
    assertThat(data.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(data.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(data.getHeader("Set-Cookie")).isNull();
    MockHttpServletResponse missing = anonymous("/public/api/reports/" + UUID.randomUUID());
    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.getContentType()).startsWith("application/problem+json");
    assertThat(missing.getHeader("Set-Cookie")).isNull();
    assertThat(mvc.perform(post("/public/api/reports")).andReturn().getResponse().getStatus()).isEqualTo(405);
  }

  private MockHttpServletResponse anonymous(String uri) throws Exception {
    return mvc.perform(get(uri)).andReturn().getResponse();
  }

  private static void assertSecurityHeaders(MockHttpServletResponse response) {
    String csp = response.getHeader("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
        "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
