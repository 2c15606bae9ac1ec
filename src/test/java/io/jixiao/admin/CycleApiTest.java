package io.jixiao.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.jixiao.support.TestTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cycle administration through /api/cycles, on its own region so no other test's cycles interfere. */
@ApiTest
class CycleApiTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedPostgres postgres;

  RestTestClient admin;
  String region;

  @BeforeEach
  void region() {
    admin = http.mutate().defaultHeader("Authorization", "Bearer " + TestTokens.of("admin")).build();
    region = "cyc" + ThreadLocalRandom.current().nextInt(1_000_000);
    JdbcClient owner = JdbcClient.create(postgres.getPostgresDatabase());
    owner.sql("insert into jixiao.region (code, name) values (:p, :p || '县')").param("p", region).update();
    owner.sql("insert into jixiao.bureau (code, name, region_code) values (:p || '-b', :p || '主管部门', :p)")
        .param("p", region).update();
    owner.sql("""
        insert into jixiao.unit (code, name, region_code, bureau_code)
        select :p || '-u' || i, :p || '单位' || i, :p, :p || '-b' from generate_series(1, 4) i
        """).param("p", region).update();
  }

  String unit(int i) {
    return region + "-u" + i;
  }

  static Map<String, Object> dueDates(String draft, String sign, String guidance, String review, String publish) {
    Map<String, Object> due = new LinkedHashMap<>();
    due.put("draft", draft);
    due.put("sign", sign);
    due.put("guidance", guidance);
    due.put("review", review);
    due.put("publish", publish);
    return due;
  }

  static final Map<String, Object> DUE = dueDates("2031-03-31", "2031-04-07", "2031-04-21", "2031-05-05", "2031-05-25");

  Map<String, Object> openRequest(int year, String template, List<String> units, Map<String, Object> due) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("regionCode", region);
    body.put("year", year);
    body.put("templateCode", template);
    body.put("unitCodes", units);
    body.put("dueDates", due);
    return body;
  }

  JsonNode post(RestTestClient client, String uri, Object body, HttpStatus expected) {
    byte[] response = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
        .expectStatus().isEqualTo(expected).expectBody().returnResult().getResponseBody();
    return response == null || response.length == 0 ? null : json.readTree(response);
  }

  int packages(String unitCode, int year) {
    return jdbc.sql("select count(*) from jixiao.report where unit_code = :u and year = :y")
        .param("u", unitCode).param("y", year).query(Integer.class).single();
  }

  /** Processes running for the unit's packages of the year, as the engine itself counts them. */
  int processes(String unitCode, int year) {
    return jdbc.sql("""
        select count(*) from jixiao.lifecycle_process lp join jixiao.report r on r.id = lp.report_id
          join public.act_ru_execution e on e.proc_inst_id_ = lp.process_instance_id and e.parent_id_ is null
         where r.unit_code = :u and r.year = :y
        """).param("u", unitCode).param("y", year).query(Integer.class).single();
  }

  int cycles() {
    return jdbc.sql("select count(*) from jixiao.cycle where region_code = :p").param("p", region)
        .query(Integer.class).single();
  }

  int draftTasks(String unitCode, int year) {
    return jdbc.sql("select count(*) from jixiao.open_task where unit_code = :u and year = :y and stage = 'DRAFT'")
        .param("u", unitCode).param("y", year).query(Integer.class).single();
  }

  @Test
  void openingACycleCreatesOneDraftPackageAndProcessPerUnitAndReopeningAddsNothing() {
    JsonNode opened = post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1), unit(2)), DUE),
        HttpStatus.CREATED);
    assertThat(opened.get("regionCode").asString()).isEqualTo(region);
    assertThat(opened.get("publicationDeadlineDays").asInt()).isEqualTo(20);
    assertThat(opened.get("dueDates").get("review").asString()).isEqualTo("2031-05-05");
    assertThat(opened.get("packagesCreated").toString()).contains(unit(1), unit(2));
    for (String u : List.of(unit(1), unit(2))) {
      assertThat(packages(u, 2030)).isEqualTo(1);
      assertThat(processes(u, 2030)).isEqualTo(1);
      assertThat(draftTasks(u, 2030)).isEqualTo(1);
    }
    assertThat(packages(unit(3), 2030)).as("a unit not included gets nothing").isZero();
    long id = opened.get("id").asLong();

    JsonNode again = post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1), unit(2), unit(3)), DUE),
        HttpStatus.OK);
    assertThat(again.get("id").asLong()).isEqualTo(id);
    assertThat(again.get("packagesCreated").size()).isEqualTo(1);
    assertThat(again.get("packagesCreated").get(0).asString()).isEqualTo(unit(3));
    JsonNode added = post(admin, "/api/cycles/" + id + "/units", Map.of("unitCodes", List.of(unit(1), unit(3))), HttpStatus.OK);
    assertThat(added.get("packagesCreated").size()).isZero();
    assertThat(added.get("unitCount").asInt()).isEqualTo(3);
    for (String u : List.of(unit(1), unit(2), unit(3))) {
      assertThat(packages(u, 2030)).isEqualTo(1);
      assertThat(processes(u, 2030)).isEqualTo(1);
    }
    assertThat(cycles()).isEqualTo(1);

    JsonNode listed = json.readTree(admin.get().uri("/api/cycles").exchange().expectStatus().isOk()
        .expectBody().returnResult().getResponseBody());
    JsonNode mine = null;
    for (JsonNode c : listed) {
      if (c.get("id").asLong() == id) {
        mine = c;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("unitCount").asInt()).isEqualTo(3);
  }

  @Test
  void concurrentOpeningsOfTheSameCycleMakeOneCycleAndOnePackagePerUnit() throws Exception {
    Map<String, Object> request = openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1), unit(2), unit(3)), DUE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return admin.post().uri("/api/cycles").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
              .returnResult().getStatus().value();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> call : calls) {
        statuses.add(call.get(120, TimeUnit.SECONDS));
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cycles()).isEqualTo(1);
    for (String u : List.of(unit(1), unit(2), unit(3))) {
      assertThat(packages(u, 2030)).isEqualTo(1);
      assertThat(processes(u, 2030)).isEqualTo(1);
    }
  }

  @Test
  void datesOutOfOrderAreRefusedAndNothingIsWritten() {
    JsonNode problem = post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)),
        dueDates("2031-03-31", "2031-03-01", "2031-04-21", "2031-05-05", "2031-05-25")), HttpStatus.BAD_REQUEST);
    assertThat(problem.get("detail").asString()).contains("sign");
    post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)),
        dueDates("2031-03-31", null, "2031-04-21", "2031-05-05", "2031-05-25")), HttpStatus.BAD_REQUEST);
    assertThat(cycles()).isZero();
    assertThat(packages(unit(1), 2030)).isZero();
  }

  @Test
  void unknownUnitsTemplatesAndRegionsAreRefusedAndNothingIsWritten() {
    post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1), region + "-nope"), DUE),
        HttpStatus.NOT_FOUND);
    post(admin, "/api/cycles", openRequest(2030, "NO_SUCH_TEMPLATE", List.of(unit(1)), DUE), HttpStatus.NOT_FOUND);
    post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1), "xintian-fyjk"), DUE),
        HttpStatus.BAD_REQUEST);
    Map<String, Object> badYear = openRequest(1999, "NATIONAL_DEFAULT", List.of(unit(1)), DUE);
    post(admin, "/api/cycles", badYear, HttpStatus.BAD_REQUEST);
    assertThat(cycles()).isZero();
    assertThat(packages(unit(1), 2030)).isZero();
  }

  @Test
  void malformedRequestsAreProblemDetailsAndWriteNothing() {
    for (String body : List.of("{", "[]", "{\"regionCode\":\"" + region + "\",\"year\":\"abc\"}",
        "{\"regionCode\":\"" + region + "\",\"year\":99999999999,\"templateCode\":\"NATIONAL_DEFAULT\"}")) {
      byte[] response = admin.post().uri("/api/cycles").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
          .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();
      assertThat(json.readTree(response).get("type").asString()).startsWith("urn:jixiao:problem:");
    }
    Map<String, Object> noDates = openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), null);
    post(admin, "/api/cycles", noDates, HttpStatus.BAD_REQUEST);
    Map<String, Object> tooLate = openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), DUE);
    tooLate.put("publicationDeadlineDays", 366);
    post(admin, "/api/cycles", tooLate, HttpStatus.BAD_REQUEST);
    admin.get().uri("/api/cycles/not-a-number").exchange().expectStatus().isBadRequest();
    admin.get().uri("/api/cycles/987654321").exchange().expectStatus().isNotFound();
    post(admin, "/api/cycles/987654321/close", Map.of(), HttpStatus.NOT_FOUND);
    assertThat(cycles()).isZero();
    assertThat(packages(unit(1), 2030)).isZero();
  }

  @Test
  void aUnitAlreadyInAnotherCycleOfTheYearIsAConflictAndNothingIsWritten() {
    jdbc.sql("insert into jixiao.template (code, name, definition) select :c, name, definition from jixiao.template where code = 'NATIONAL_DEFAULT'")
        .param("c", region.toUpperCase() + "_T").update();
    post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), DUE), HttpStatus.CREATED);

    JsonNode problem = post(admin, "/api/cycles", openRequest(2030, region.toUpperCase() + "_T", List.of(unit(2), unit(1)), DUE),
        HttpStatus.CONFLICT);
    assertThat(problem.get("type").asString()).endsWith("unit-in-other-cycle");
    assertThat(problem.get("detail").asString()).contains(unit(1));
    assertThat(cycles()).as("the second cycle was not opened").isEqualTo(1);
    assertThat(packages(unit(2), 2030)).isZero();

    // The same unit another year is fine.
    post(admin, "/api/cycles", openRequest(2031, region.toUpperCase() + "_T", List.of(unit(1)), DUE), HttpStatus.CREATED);
    assertThat(packages(unit(1), 2031)).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsManageCycles() {
    RestTestClient preparer = http.mutate()
        .defaultHeader("Authorization", "Bearer " + TestTokens.forUser("fyjk.preparer", "preparer", "xintian-fyjk")).build();
    RestTestClient finance = http.mutate()
        .defaultHeader("Authorization", "Bearer " + TestTokens.forUser("cyc.finance", "finance-reviewer", unit(1))).build();
    preparer.get().uri("/api/cycles").exchange().expectStatus().isForbidden();
    finance.get().uri("/api/cycles").exchange().expectStatus().isForbidden();
    post(finance, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), DUE), HttpStatus.FORBIDDEN);
    assertThat(cycles()).isZero();
    long id = post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), DUE), HttpStatus.CREATED)
        .get("id").asLong();
    finance.get().uri("/api/cycles/" + id).exchange().expectStatus().isForbidden();
    post(finance, "/api/cycles/" + id + "/close", Map.of(), HttpStatus.FORBIDDEN);
    post(finance, "/api/cycles/" + id + "/units", Map.of("unitCodes", List.of(unit(2))), HttpStatus.FORBIDDEN);
    assertThat(packages(unit(2), 2030)).isZero();
    http.get().uri("/api/cycles").exchange().expectStatus().isUnauthorized();
  }

  static final String SIGN_VARIABLE = """
      select v.long_ / 1000 from public.act_ru_variable v
        join jixiao.lifecycle_process lp on lp.process_instance_id = v.proc_inst_id_
        join jixiao.report r on r.id = lp.report_id
       where r.unit_code = :u and r.year = 2030 and v.name_ = 'signDue' and v.execution_id_ = v.proc_inst_id_""";

  long epoch(String sql) {
    return jdbc.sql(sql).param("u", unit(1)).query(Long.class).single();
  }

  @Test
  void aClosedCycleRefusesNewPackagesAndDueDatesChangeInOrderOnly() {
    long id = post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(1)), DUE), HttpStatus.CREATED)
        .get("id").asLong();

    long draftDueBefore = epoch("select extract(epoch from t.due_date)::bigint from jixiao.open_task t where t.unit_code = :u and t.year = 2030");
    long signVariableBefore = epoch(SIGN_VARIABLE);
    JsonNode changed = json.readTree(admin.put().uri("/api/cycles/" + id + "/due-dates").contentType(MediaType.APPLICATION_JSON)
        .body(dueDates("2031-04-30", "2031-05-07", "2031-05-21", "2031-06-05", "2031-06-25")).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    assertThat(changed.get("dueDates").get("draft").asString()).isEqualTo("2031-04-30");
    long thirtyDays = 30L * 86_400;
    assertThat(epoch("select extract(epoch from t.due_date)::bigint from jixiao.open_task t where t.unit_code = :u and t.year = 2030"))
        .as("the open DRAFT task moves from 2031-03-31 to 2031-04-30").isEqualTo(draftDueBefore + thirtyDays);
    assertThat(epoch("""
        select extract(epoch from a.due_date_)::bigint from public.act_ru_task a
          join jixiao.open_task t on t.task_id = a.id_ where t.unit_code = :u and t.year = 2030"""))
        .as("the engine's task too").isEqualTo(draftDueBefore + thirtyDays);
    assertThat(epoch(SIGN_VARIABLE)).as("the stage still ahead takes the new date").isEqualTo(signVariableBefore + thirtyDays);
    admin.put().uri("/api/cycles/" + id + "/due-dates").contentType(MediaType.APPLICATION_JSON)
        .body(dueDates("2031-04-30", "2031-05-07", "2031-05-21", "2031-06-05", "2031-01-01")).exchange()
        .expectStatus().isBadRequest();
    assertThat(jdbc.sql("select publish_due::text from jixiao.cycle where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("2031-06-25");

    // Unit 2 is in the cycle (listed directly) but has no package yet: its preparer may open it until the cycle closes.
    jdbc.sql("insert into jixiao.cycle_unit (cycle_id, year, unit_code, added_by) values (:id, 2030, :u, 'test')")
        .param("id", id).param("u", unit(2)).update();
    JsonNode closed = post(admin, "/api/cycles/" + id + "/close", Map.of(), HttpStatus.OK);
    assertThat(closed.get("closed").asBoolean()).isTrue();

    RestTestClient preparer = http.mutate()
        .defaultHeader("Authorization", "Bearer " + TestTokens.forUser("cyc.preparer", "preparer", unit(2))).build();
    JsonNode refused = post(preparer, "/api/reports", Map.of("unitCode", unit(2), "year", 2030), HttpStatus.CONFLICT);
    assertThat(refused.get("type").asString()).endsWith("cycle-closed");
    post(admin, "/api/cycles/" + id + "/units", Map.of("unitCodes", List.of(unit(3))), HttpStatus.CONFLICT);
    post(admin, "/api/cycles", openRequest(2030, "NATIONAL_DEFAULT", List.of(unit(3)), DUE), HttpStatus.CONFLICT);
    assertThat(packages(unit(2), 2030)).isZero();
    assertThat(packages(unit(3), 2030)).isZero();
    assertThat(packages(unit(1), 2030)).as("the packages already in it go on").isEqualTo(1);
  }
}
