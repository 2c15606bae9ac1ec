package io.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.http.HttpStatus.OK;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eight clients at once on one task, again and again: for each kind of race exactly one request wins, the
 * others are refused with a 4xx that says why, nothing answers 500, and the package stays consistent
 * (stage, engine task and projection agree; what was signed, approved or submitted is the latest version).
 * {@code -Djixiao.races=N} sets the repetitions (50 by default; the bench runs more).
 */
@ApiTest
class RaceTest {

  static final int CLIENTS = 8;
  static final int REPETITIONS = Integer.getInteger("jixiao.races", 50);

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;
  Api preparer;
  Api head;
  Api bureau;
  Api finance;
  Api admin;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
    preparer = packages.preparer();
    head = packages.actor(Role.UNIT_HEAD);
    bureau = packages.actor(Role.BUREAU_REVIEWER);
    finance = packages.actor(Role.FINANCE_REVIEWER);
    admin = packages.actor(Role.ADMIN);
  }

  @Test
  void eightClaimsOneHolder() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    List<Api> colleagues = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      colleagues.add(Api.as(http, json, TestTokens.forUser("race.preparer" + i, "preparer", Packages.UNIT)));
    }
    String task = packages.taskOf(id);
    for (int round = 0; round < REPETITIONS; round++) {
      List<Integer> statuses = LifecycleTest.race(calls(i -> () ->
          colleagues.get(i).postStatus(null, "/api/tasks/{t}/claim", task)));
      assertOneWinner(statuses, 200, List.of(409));
      String holder = lifecycle(id).get("assignee").asString();
      assertThat(holder).startsWith("race.preparer");
      colleagues.get(Integer.parseInt(holder.substring("race.preparer".length())))
          .post(OK, null, "/api/tasks/{t}/unclaim", task);
    }
    assertThat(history(id, "CLAIMED")).isEqualTo(REPETITIONS);
  }

  @Test
  void eightSubmitsOneTransition() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    for (int round = 0; round < REPETITIONS; round++) {
      String task = packages.claim(preparer, id);
      Map<String, Object> submit = Map.of("outcome", "APPROVE", "version", packages.version(id));
      List<Integer> statuses = LifecycleTest.race(calls(i -> () ->
          preparer.postStatus(submit, "/api/tasks/{t}/complete", task)));
      assertOneWinner(statuses, 200, List.of(409));
      assertConsistent(id, Stage.UNIT_SIGN);
      packages.complete(head, packages.claim(head, id), "RETURN", "再看一遍", null);
    }
    assertThat(history(id, "TRANSITION")).isEqualTo(2 * REPETITIONS);
  }

  /** Saves and a submit of the same version: either the save lands and the submit is stale, or the submit does and saves are refused. */
  @Test
  void saveVersusSubmit() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    int submitsWon = 0;
    for (int round = 0; round < REPETITIONS; round++) {
      String task = packages.claim(preparer, id);
      int version = packages.version(id);
      String eTag = "\"" + version + "\"";
      String content = packages.contentOf(id).toString();
      Map<String, Object> submit = Map.of("outcome", "APPROVE", "version", version);
      List<Integer> statuses = LifecycleTest.race(calls(i -> i % 2 == 0
          ? () -> preparer.status(PUT, content, h -> h.setIfMatch(eTag), "/api/reports/{id}", id)
          : () -> preparer.status(POST, submit, h -> { }, "/api/tasks/{t}/complete", task)));
      // Losing saves: 412 (a newer version) or 403 (no longer a draft); losing submits: 409.
      assertOneWinner(statuses, 200, List.of(403, 409, 412));
      Stage stage = packages.stage(id);
      if (stage == Stage.UNIT_SIGN) {
        submitsWon++;
        // What was submitted is the latest version: no save slipped in after the submit's checks.
        assertThat(lastTransitionVersion(id)).isEqualTo(packages.version(id)).isEqualTo(version);
        assertConsistent(id, Stage.UNIT_SIGN);
        packages.complete(head, packages.claim(head, id), "RETURN", "再看一遍", null);
      } else {
        assertThat(packages.version(id)).isEqualTo(version + 1);
        assertConsistent(id, Stage.DRAFT);
      }
    }
    assertThat(submitsWon).as("rounds the submit won").isBetween(0, REPETITIONS);
  }

  /** The head signs while the preparer tries to edit: the edit never lands, and the signature covers the content. */
  @Test
  void signVersusEdit() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    packages.advanceTo(id, Stage.UNIT_SIGN);
    for (int round = 0; round < REPETITIONS; round++) {
      String task = packages.claim(head, id);
      int version = packages.version(id);
      String eTag = "\"" + version + "\"";
      String content = packages.contentOf(id).toString();
      Map<String, Object> sign = Map.of("outcome", "APPROVE", "comment", "同意", "version", version);
      List<Integer> statuses = LifecycleTest.race(calls(i -> i % 2 == 0
          ? () -> preparer.status(PUT, content, h -> h.setIfMatch(eTag), "/api/reports/{id}", id)
          : () -> head.status(POST, sign, h -> { }, "/api/tasks/{t}/complete", task)));
      assertOneWinner(statuses, 200, List.of(403, 409));
      assertThat(packages.version(id)).isEqualTo(version);
      assertThat(lifecycle(id).get("signatureCoversCurrentContent").asBoolean()).isTrue();
      assertConsistent(id, Stage.BUREAU_GUIDANCE);
      packages.complete(bureau, packages.claim(bureau, id), "RETURN", "请补充", null);
      packages.advanceTo(id, Stage.UNIT_SIGN);
    }
  }

  /** Finance scores while approving: the approved version is always the latest, review scores included. */
  @Test
  void reviewScoresVersusApprove() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    packages.advanceTo(id, Stage.FINANCE_REVIEW);
    for (int round = 0; round < REPETITIONS; round++) {
      String task = packages.claim(finance, id);
      int version = packages.version(id);
      Map<String, Object> scores = Map.of("scores", Map.of("overall.indicators[0]", 40 + round % 10), "version", version);
      Map<String, Object> approve = Map.of("outcome", "APPROVE", "version", version);
      List<Integer> statuses = LifecycleTest.race(calls(i -> i % 2 == 0
          ? () -> finance.status(PUT, scores, h -> { }, "/api/reports/{id}/review-scores", id)
          : () -> finance.status(POST, approve, h -> { }, "/api/tasks/{t}/complete", task)));
      // Losers: 409 (a newer version, or the task already done) or 403 (scoring outside finance review).
      assertOneWinner(statuses, 200, List.of(403, 409));
      Stage stage = packages.stage(id);
      if (stage == Stage.DISCLOSURE) {
        var state = lifecycle(id);
        assertThat(state.get("approval").get("version").asInt()).isEqualTo(packages.version(id)).isEqualTo(version);
        assertConsistent(id, Stage.DISCLOSURE);
        packages.complete(admin, packages.claim(admin, id), "RETURN", "请再核", null);
      } else {
        assertThat(packages.version(id)).isEqualTo(version + 1);
        assertConsistent(id, Stage.FINANCE_REVIEW);
      }
    }
  }

  static List<Callable<Integer>> calls(IntFunction<Callable<Integer>> call) {
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      calls.add(call.apply(i));
    }
    return calls;
  }

  static void assertOneWinner(List<Integer> statuses, int win, List<Integer> refusals) {
    assertThat(statuses).as("statuses").allMatch(s -> s == win || refusals.contains(s));
    assertThat(statuses.stream().filter(s -> s == win)).as("winners in %s", statuses).hasSize(1);
  }

  tools.jackson.databind.JsonNode lifecycle(String id) {
    return preparer.get("/api/reports/{id}/lifecycle", id);
  }

  long history(String id, String kind) {
    return preparer.get("/api/reports/{id}/history", id).valueStream()
        .filter(e -> e.get("kind").asString().equals(kind)).count();
  }

  int lastTransitionVersion(String id) {
    return preparer.get("/api/reports/{id}/history", id).valueStream()
        .filter(e -> e.get("kind").asString().equals("TRANSITION")).reduce((a, b) -> b).orElseThrow()
        .get("version").asInt();
  }

  /** Our stage, the engine's one open task and the projection agree. */
  void assertConsistent(String id, Stage stage) {
    assertThat(packages.stage(id)).isEqualTo(stage);
    List<String> engine = jdbc.sql("""
        select t.task_def_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
         where e.business_key_ = :id
        """).param("id", id).query(String.class).list();
    List<String> projected = jdbc.sql("select stage from jixiao.open_task where report_id = cast(:id as uuid)")
        .param("id", id).query(String.class).list();
    assertThat(engine).containsExactly(stage.name());
    assertThat(projected).containsExactly(stage.name());
  }
}
