package io.jixiao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.jixiao.report.ReportService;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reassigning from the dashboard, on real packages (engine task and projection): only to a user holding
 * the task's role in its unit (else 409, nothing changed), only while the task is as the administrator
 * saw it (holder and version), by API and from the page's form; administrators only.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassignFromDashboardTest {

  static final int YEAR = 2081;
  static final JwtAuthenticationToken ADMIN = RunAs.authentication("admin", Role.ADMIN, List.of());

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ReportService reports;
  @Autowired MockMvc mvc;
  long cycle;

  @BeforeAll
  void cycle() {
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due, sign_due, guidance_due, review_due, publish_due)
        values ('xintian', :y, 'NATIONAL_DEFAULT', current_date + 5, current_date + 10, current_date + 15, current_date + 20,
                current_date + 30) on conflict do nothing
        """).param("y", YEAR).update();
    cycle = jdbc.sql("select id from jixiao.cycle where region_code = 'xintian' and year = :y").param("y", YEAR)
        .query(Long.class).single();
  }

  Api admin() {
    return Api.as(http, json, TestTokens.of("admin"));
  }

  /** A new package of the unit in its own year (one package per unit and year). */
  String draftTask(String unit, String preparer) {
    UUID id = RunAs.call(preparer, Role.PREPARER, List.of(unit), () -> reports.create(unit, YEAR).id());
    return jdbc.sql("select task_id from jixiao.open_task where report_id = :r").param("r", id).query(String.class).single();
  }

  String assignee(String task) {
    return jdbc.sql("select assignee from jixiao.open_task where task_id = :t").param("t", task).query(String.class)
        .optional().orElse(null);
  }

  static Map<String, Object> body(String assignee, String seen, Integer version) {
    Map<String, Object> body = new HashMap<>();
    body.put("assignee", assignee);
    body.put("seenAssignee", seen);
    body.put("version", version);
    return body;
  }

  @Test
  void onlyToAnEligibleUserAndOnlyWhileTheTaskIsAsSeen() {
    // xintian-fyjk's preparer is xintian.dual alone (realm file).
    String task = draftTask("xintian-fyjk", "xintian.dual");
    JsonNode ineligible = admin().post(HttpStatus.CONFLICT, body("lingling.preparer", null, 1),
        "/api/admin/tasks/{id}/assignee", task);
    assertThat(ineligible.get("type").asString()).endsWith("not-eligible");
    assertThat(assignee(task)).isNull();
    admin().post(HttpStatus.CONFLICT, body("nobody.at.all", null, null), "/api/admin/tasks/{id}/assignee", task);
    // Seen held by someone, or at another version: not as it is.
    assertThat(admin().post(HttpStatus.CONFLICT, body("xintian.dual", "xintian.head", 1), "/api/admin/tasks/{id}/assignee",
        task).get("type").asString()).endsWith("task-changed");
    assertThat(admin().post(HttpStatus.CONFLICT, body("xintian.dual", null, 7), "/api/admin/tasks/{id}/assignee", task)
        .get("type").asString()).endsWith("stale-version");
    assertThat(assignee(task)).isNull();
    // As seen, to an eligible user: done, and in the trail.
    JsonNode done = admin().post(HttpStatus.OK, body("xintian.dual", null, 1), h -> h.set("If-Match", "\"1\""),
        "/api/admin/tasks/{id}/assignee", task);
    assertThat(done.get("assignee").asString()).isEqualTo("xintian.dual");
    assertThat(assignee(task)).isEqualTo("xintian.dual");
    assertThat(jdbc.sql("select count(*) from jixiao.audit_event where task_id = :t and kind = 'REASSIGNED'")
        .param("t", task).query(Long.class).single()).isEqualTo(1);
    // The same request again sees it unassigned, but it is held now.
    admin().post(HttpStatus.CONFLICT, body("xintian.dual", null, 1), "/api/admin/tasks/{id}/assignee", task);
    // Bad bodies are 400; other roles 403; an unknown task 404.
    admin().post(HttpStatus.BAD_REQUEST, body("", null, null), "/api/admin/tasks/{id}/assignee", task);
    admin().post(HttpStatus.BAD_REQUEST, body("x".repeat(101), null, null), "/api/admin/tasks/{id}/assignee", task);
    admin().post(HttpStatus.BAD_REQUEST, body("xintian.dual", "xintian.dual", 2), h -> h.set("If-Match", "\"1\""),
        "/api/admin/tasks/{id}/assignee", task);
    admin().post(HttpStatus.NOT_FOUND, body("xintian.dual", null, null), "/api/admin/tasks/{id}/assignee", "no-such-task");
    Api.as(http, json, TestTokens.of("xintian.finance"))
        .post(HttpStatus.FORBIDDEN, body("xintian.dual", "xintian.dual", null), "/api/admin/tasks/{id}/assignee", task);
    assertThat(assignee(task)).isEqualTo("xintian.dual");
  }

  @Test
  void fromThePageTheFormOffersTheEligibleUsersAndTheTableShowsTheNewAssignee() throws Exception {
    String task = draftTask("xintian-jsx", "xintian.preparer");
    String query = "cycle=" + cycle + "&unit=xintian-jsx";
    Document form = Jsoup.parse(mvc.perform(get("/admin/tasks/{id}/reassign?" + query, task).with(authentication(ADMIN)))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(form.select("select[name=to] option[value]").eachAttr("value")).containsExactly("", "xintian.preparer");
    assertThat(form.selectFirst("form").attr("hx-post")).contains("/admin/tasks/" + task + "/reassign", "unit=xintian-jsx");
    // An ineligible user, typed in by hand: refused with the reason above the table, nothing changed.
    Document refused = Jsoup.parse(mvc.perform(post("/admin/tasks/{id}/reassign?" + query, task).with(csrf())
            .with(authentication(ADMIN)).param("to", "lingling.preparer").param("version", "1"))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(refused.selectFirst("#reassign-error").text()).contains("lingling.preparer");
    assertThat(assignee(task)).isNull();
    Document done = Jsoup.parse(mvc.perform(post("/admin/tasks/{id}/reassign?" + query, task).with(csrf())
            .with(authentication(ADMIN)).param("to", "xintian.preparer").param("seenAssignee", "").param("version", "1"))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(done.selectFirst("#reassign-notice").text()).contains("xintian.preparer");
    assertThat(done.select("#dashboard-rows tbody tr[data-unit=xintian-jsx] td.assignee").text()).isEqualTo("xintian.preparer");
    // The table is the one the administrator was looking at: its filter (this unit) kept, nothing else.
    assertThat(done.select("#dashboard-rows tbody tr").eachAttr("data-unit")).containsExactly("xintian-jsx");
    assertThat(assignee(task)).isEqualTo("xintian.preparer");
    // Not for anyone else.
    JwtAuthenticationToken finance = RunAs.authentication("xintian.finance", Role.FINANCE_REVIEWER, List.of("xintian-jsx"));
    assertThat(mvc.perform(get("/admin/tasks/{id}/reassign", task).with(authentication(finance))).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/admin").with(authentication(finance))).andReturn().getResponse().getStatus()).isEqualTo(403);
  }
}
