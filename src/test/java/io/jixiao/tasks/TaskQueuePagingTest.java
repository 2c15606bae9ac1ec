package io.jixiao.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.QueueData;
import io.jixiao.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queue pages by keyset over (due, created, id): every task exactly once across pages even with ties in
 * due and created, stable while tasks arrive, a capped count, and a tampered cursor refused.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueuePagingTest {

  static final String REGION = "pagingtest";

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired EmbeddedPostgres postgres;
  JdbcClient owner;

  @BeforeAll
  void tasks() {
    owner = JdbcClient.create(postgres.getPostgresDatabase());
    // 7,000 tasks over 3 units: 1,400 per stage, 1,120 of them unassigned administrators' tasks.
    QueueData.load(owner, REGION, 3, 7000);
  }

  @AfterAll
  void drop() {
    QueueData.drop(owner, REGION);
  }

  Api preparer() {
    return Api.as(http, json, TestTokens.forUser(REGION + ".preparer", "preparer", REGION + "-u1"));
  }

  /** What the database says the queue holds, in the queue's order. */
  List<String> expected(String role, String unit, String assignee) {
    return owner.sql("""
        select task_id from jixiao.open_task where role = :role and (:unit = '' or unit_code = :unit)
           and (assignee is null and :assignee = '' or assignee = :assignee)
         order by due_key, created_at, task_id
        """).param("role", role).param("unit", unit).param("assignee", assignee).query(String.class).list();
  }

  /** The unassigned tasks of a role in this test's region (the shared database holds other tests' too). */
  List<String> claimableInRegion(String role) {
    return owner.sql("""
        select task_id from jixiao.open_task where role = :role and assignee is null
           and unit_code in (select code from jixiao.unit where region_code = :region)
         order by due_key, created_at, task_id
        """).param("role", role).param("region", REGION).query(String.class).list();
  }

  List<String> walk(Api api, String first, int maxPages) {
    List<String> seen = new ArrayList<>();
    String uri = first;
    for (int page = 0; uri != null && page < maxPages; page++) {
      JsonNode body = api.get(uri);
      body.get("items").forEach(item -> seen.add(item.get("id").asString()));
      uri = body.path("next").isNull() || body.path("next").isMissingNode() ? null : body.get("next").asString();
    }
    return seen;
  }

  @Test
  void pagesCoverTheQueueOnceInOrderDespiteTies() {
    List<String> expected = expected("preparer", REGION + "-u1", "");
    assertThat(expected).hasSizeGreaterThan(300);
    JsonNode first = preparer().get("/api/tasks?assigned=claimable&size=37");
    assertThat(first.get("total").asLong()).isEqualTo(expected.size());
    assertThat(first.get("totalCapped").asBoolean()).isFalse();
    assertThat(first.get("next").asString()).startsWith("/api/tasks?").contains("assigned=claimable", "after=");
    assertThat(walk(preparer(), "/api/tasks?assigned=claimable&size=37", 1000)).containsExactlyElementsOf(expected);
    // A filter keeps its place in the next link.
    List<String> overdue = owner.sql("""
        select task_id from jixiao.open_task where role = 'preparer' and unit_code = :unit and assignee is null
           and due_key < now() order by due_key, created_at, task_id
        """).param("unit", REGION + "-u1").query(String.class).list();
    assertThat(walk(preparer(), "/api/tasks?assigned=claimable&overdue=true&stage=DRAFT&size=50", 1000))
        .containsExactlyElementsOf(overdue);
  }

  @Test
  void aPageAfterNewArrivalsNeitherRepeatsNorSkips() {
    Api api = preparer();
    JsonNode first = api.get("/api/tasks?assigned=claimable&size=20");
    List<String> firstIds = new ArrayList<>();
    first.get("items").forEach(item -> firstIds.add(item.get("id").asString()));
    // Two new tasks: one sorting before the first page's end, one after it.
    String report = owner.sql("select report_id from jixiao.open_task where task_id = :id")
        .param("id", firstIds.get(0)).query(String.class).single();
    owner.sql("""
        insert into jixiao.open_task (task_id, report_id, unit_code, year, stage, role, created_at, due_date)
        values ('q-new-early', cast(:r as uuid), :u, 3000, 'DRAFT', 'preparer', timestamptz '2000-01-01 00:00:00+00', timestamptz '2000-01-01 00:00:00+00'),
               ('q-new-late', cast(:r as uuid), :u, 3000, 'DRAFT', 'preparer', now(), now() + interval '400 days')
        """).param("r", report).param("u", REGION + "-u1").update();
    try {
      List<String> rest = walk(api, first.get("next").asString(), 1000);
      assertThat(rest).doesNotContainAnyElementsOf(firstIds).doesNotContain("q-new-early").contains("q-new-late");
      List<String> all = new ArrayList<>(firstIds);
      all.addAll(rest);
      List<String> now = new ArrayList<>(expected("preparer", REGION + "-u1", ""));
      now.remove("q-new-early");
      assertThat(all).containsExactlyElementsOf(now);
    } finally {
      owner.sql("delete from jixiao.open_task where task_id in ('q-new-early', 'q-new-late')").update();
    }
  }

  @Test
  void aRegionsOrBureausReviewerQueuesEveryUnitThereFromOneGroup() {
    // One group in the token; the statement resolves the region's (bureau's) units itself.
    List<String> expected = claimableInRegion("finance-reviewer");
    assertThat(expected).hasSizeGreaterThan(100);
    Api region = Api.as(http, json, TestTokens.withGrants(REGION + ".finance", "finance-reviewer:region=" + REGION));
    assertThat(walk(region, "/api/tasks?assigned=claimable&size=50", 1000)).containsExactlyElementsOf(expected);
    Api bureau = Api.as(http, json, TestTokens.withGrants(REGION + ".bureau", "bureau-reviewer:bureau=" + REGION + "-b"));
    assertThat(walk(bureau, "/api/tasks?assigned=claimable&size=50", 1000))
        .containsExactlyElementsOf(claimableInRegion("bureau-reviewer"));
    // A unit group and a region group of one role together: the union, once each.
    Api both = Api.as(http, json, TestTokens.withGrants(REGION + ".both", "finance-reviewer:" + REGION + "-u1",
        "finance-reviewer:region=" + REGION));
    assertThat(walk(both, "/api/tasks?assigned=claimable&size=50", 1000)).containsExactlyElementsOf(expected);
    Api elsewhere = Api.as(http, json, TestTokens.withGrants("x.finance", "finance-reviewer:region=xintian"));
    assertThat(elsewhere.get("/api/tasks?assigned=claimable&size=50&unitCode=" + REGION + "-u1").get("items")).isEmpty();
  }

  @Test
  void theCountStopsAtAThousand() {
    Api admin = Api.as(http, json, TestTokens.of("admin"));
    assertThat(expected("admin", "", "")).hasSizeGreaterThan(1000);
    JsonNode page = admin.get("/api/tasks?assigned=claimable&size=5");
    assertThat(page.get("total").asLong()).isEqualTo(1000);
    assertThat(page.get("totalCapped").asBoolean()).isTrue();
    assertThat(page.get("items")).hasSize(5);
  }

  @Test
  void myTasksPageToo() {
    Api holder = Api.as(http, json, TestTokens.forUser(REGION + ".preparer", "preparer", REGION + "-u1"));
    List<String> mine = expected("preparer", "", REGION + ".preparer");
    assertThat(mine).hasSizeGreaterThan(100);
    assertThat(walk(holder, "/api/tasks?assigned=me&size=33", 1000)).containsExactlyElementsOf(mine);
  }

  @Test
  void aTamperedOrOversizedCursorIs400() {
    Api api = preparer();
    String next = api.get("/api/tasks?assigned=claimable&size=10").get("next").asString();
    String cursor = next.substring(next.indexOf("after=") + 6);
    String plain = new String(Base64.getUrlDecoder().decode(cursor));
    // Move the position by one microsecond, keep the checksum: refused.
    String moved = plain.replaceFirst("^(\\d+)", String.valueOf(Long.parseLong(plain.split("\\.")[0]) - 1));
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(moved.getBytes());
    for (String bad : List.of(forged, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "%00", "x".repeat(201))) {
      JsonNode problem = api.get(HttpStatus.BAD_REQUEST, "/api/tasks?assigned=claimable&after={a}", bad);
      assertThat(problem.path("type").asString()).startsWith("urn:jixiao:problem:");
    }
    api.get(HttpStatus.BAD_REQUEST, "/api/tasks?size=201");
    api.get(HttpStatus.BAD_REQUEST, "/api/tasks?size=0");
    api.get(HttpStatus.BAD_REQUEST, "/api/tasks?year=99999");
    api.get(HttpStatus.BAD_REQUEST, "/api/tasks?unitCode={u}", "u".repeat(101));
  }
}
