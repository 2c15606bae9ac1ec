package io.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.CREATED;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.OK;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import io.jixiao.support.Api;
import io.jixiao.security.Role;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One package through every stage and every return path, on the real engine and database. */
@ApiTest
class LifecycleTest {

  static final String UNIT = "xintian-jsx";

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;
  Api preparer;
  Api head;
  Api bureau;
  Api finance;
  Api admin;
  int year;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
    preparer = packages.preparer();
    head = packages.actor(Role.UNIT_HEAD);
    bureau = packages.actor(Role.BUREAU_REVIEWER);
    finance = packages.actor(Role.FINANCE_REVIEWER);
    admin = packages.actor(Role.ADMIN);
    year = Packages.freshYear(jdbc);
  }

  Api api(String username) {
    return Api.as(http, json, TestTokens.of(username));
  }

  @Test
  void walksEveryStageAndEveryReturnPath() {
    String id = createFilledPackage();
    assertStage(id, "DRAFT");

    // Another region's users do not see it; a unit head cannot submit a draft.
    api("lingling.preparer").get(NOT_FOUND, "/api/reports/{id}", id);
    api("lingling.finance").get(NOT_FOUND, "/api/reports/{id}/history", id);
    String draftTask = taskOf(id);
    head.post(FORBIDDEN, null, "/api/tasks/{t}/claim", draftTask);

    submit(id);
    assertStage(id, "UNIT_SIGN");
    assertThat(lifecycle(id).get("signature").isNull()).isTrue();

    // Unit head returns it: a return needs a reason.
    String signTask = claim(head, id);
    head.post(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of("outcome", "RETURN"), "/api/tasks/{t}/complete", signTask);
    complete(head, signTask, "RETURN", "请补充偏差原因", null);
    assertStage(id, "DRAFT");
    assertLastTransition(id, "UNIT_SIGN", "DRAFT", "RETURN", "请补充偏差原因");

    submit(id);
    sign(id);
    assertStage(id, "BUREAU_GUIDANCE");
    JsonNode signed = lifecycle(id);
    assertThat(signed.get("signature").get("signer").asString()).isEqualTo("xintian.head");
    assertThat(signed.get("signatureCoversCurrentContent").asBoolean()).isTrue();

    // Content cannot change once signed and submitted on.
    preparer.put(FORBIDDEN, contentOf(id), h -> h.setIfMatch("\"" + version(id) + "\""), "/api/reports/{id}", id);

    // Bureau comments on a row and returns to draft: only once it holds the task, only on rows that exist.
    Map<String, String> onRow = Map.of("path", "overall.indicators[0]", "body", "请核实走访户数");
    assertThat(bureau.post(CONFLICT, onRow, "/api/reports/{id}/comments", id).get("type").asString())
        .isEqualTo("urn:jixiao:problem:claim-first");
    String guidanceTask = claim(bureau, id);
    bureau.post(org.springframework.http.HttpStatus.BAD_REQUEST,
        Map.of("path", "overall.indicators[99]", "body", "no such row"), "/api/reports/{id}/comments", id);
    bureau.post(org.springframework.http.HttpStatus.BAD_REQUEST,
        Map.of("path", "narrative[nonexistent]", "body", "no such section"), "/api/reports/{id}/comments", id);
    JsonNode comment = bureau.post(CREATED, onRow, "/api/reports/{id}/comments", id);
    complete(bureau, guidanceTask, "RETURN", "请按意见修改", null);
    assertStage(id, "DRAFT");

    // The preparer sees the comment, fixes the row, resolves it: the signature no longer covers the content.
    JsonNode comments = preparer.get("/api/reports/{id}/comments", id);
    assertThat(comments.get(0).get("path").asString()).isEqualTo("overall.indicators[0]");
    assertThat(comments.get(0).get("resolved").asBoolean()).isFalse();
    ObjectNode edited = contentOf(id);
    ((ObjectNode) edited.get("overall").get("indicators").get(0)).put("name", "走访慰问困难家庭（已核实）");
    save(id, edited);
    // Resolving is the draft holder's: first the preparer takes the draft task.
    preparer.post(CONFLICT, null, "/api/reports/{id}/comments/{c}/resolve", id, comment.get("id").asLong());
    claim(preparer, id);
    preparer.post(OK, null, "/api/reports/{id}/comments/{c}/resolve", id, comment.get("id").asLong());
    assertThat(preparer.get("/api/reports/{id}/comments", id).get(0).get("resolved").asBoolean()).isTrue();
    assertThat(lifecycle(id).get("signatureCoversCurrentContent").asBoolean()).isFalse();

    // The only way past UNIT_SIGN again is a new signature over the new content.
    submit(id);
    assertStage(id, "UNIT_SIGN");
    assertThat(lifecycle(id).get("signatureCoversCurrentContent").asBoolean()).isFalse();
    sign(id);
    assertThat(lifecycle(id).get("signatureCoversCurrentContent").asBoolean()).isTrue();

    complete(bureau, claim(bureau, id), "APPROVE", "同意", null);
    assertStage(id, "FINANCE_REVIEW");

    // Finance returns to the bureau, then (after the bureau passes it again) to the draft.
    complete(finance, claim(finance, id), "RETURN", "请主管部门复核满意度数据", "BUREAU_GUIDANCE");
    assertStage(id, "BUREAU_GUIDANCE");
    assertLastTransition(id, "FINANCE_REVIEW", "BUREAU_GUIDANCE", "RETURN", "请主管部门复核满意度数据");
    complete(bureau, claim(bureau, id), "APPROVE", "已复核", null);
    complete(finance, claim(finance, id), "RETURN", "执行数与决算不符", "DRAFT");
    assertStage(id, "DRAFT");
    submit(id);
    sign(id);
    complete(bureau, claim(bureau, id), "APPROVE", null, null);

    // Finance enters review scores: both totals are shown, and the signature still holds.
    String reviewTask = claim(finance, id);
    JsonNode scored = finance.put(OK, Map.of("scores", Map.of("overall.indicators[0]", 45, "overall.funds[TOTAL]", 10)),
        h -> { }, "/api/reports/{id}/review-scores", id);
    assertThat(scored.get("summary").get("reviewTotal").decimalValue()).isEqualByComparingTo("95");
    assertThat(preparer.get("/api/reports/{id}", id).get("summary").get("totalScore").decimalValue())
        .isEqualByComparingTo("100");
    assertThat(lifecycle(id).get("signatureCoversCurrentContent").asBoolean()).isTrue();
    complete(finance, reviewTask, "APPROVE", "复核通过", null);
    assertStage(id, "DISCLOSURE");

    // The administrator returns it once to finance, then publishes.
    complete(admin, claim(admin, id), "RETURN", "公开前请确认复核意见", null);
    assertStage(id, "FINANCE_REVIEW");
    complete(finance, claim(finance, id), "APPROVE", null, null);
    complete(admin, claim(admin, id), "APPROVE", null, null);
    assertStage(id, "PUBLISHED");

    JsonNode state = lifecycle(id);
    String approvedHash = state.get("approval").get("contentHash").asString();
    assertThat(state.get("publication").get("contentHash").asString()).isEqualTo(approvedHash);
    assertThat(state.get("publication").get("version").asInt()).isEqualTo(state.get("approval").get("version").asInt());
    assertThat(preparer.get("/api/reports/{id}", id).get("contentHash").asString()).isEqualTo(approvedHash);

    // A correction goes through the whole lifecycle again; what was published stays as it was.
    preparer.post(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of("reason", " "), "/api/reports/{id}/corrections", id);
    api("xintian.head").post(FORBIDDEN, Map.of("reason", "数据有误"), "/api/reports/{id}/corrections", id);
    preparer.post(OK, Map.of("reason", "三公经费数据有误，需更正"), "/api/reports/{id}/corrections", id);
    assertStage(id, "DRAFT");
    JsonNode corrected = lifecycle(id);
    assertThat(corrected.get("publication").get("contentHash").asString()).isEqualTo(approvedHash);
    preparer.post(CONFLICT, Map.of("reason", "again"), "/api/reports/{id}/corrections", id);

    // The history: every transition in order, with who did it and on which content.
    List<String> transitions = new ArrayList<>();
    for (JsonNode event : preparer.get("/api/reports/{id}/history", id)) {
      if (event.get("kind").asString().equals("TRANSITION")) {
        transitions.add(event.get("stageFrom").asString() + ">" + event.get("stageTo").asString() + ":" + event.get("actor").asString());
        assertThat(event.get("contentHash").asString()).hasSize(64);
      }
    }
    assertThat(transitions).containsExactly(
        "DRAFT>UNIT_SIGN:xintian.preparer", "UNIT_SIGN>DRAFT:xintian.head",
        "DRAFT>UNIT_SIGN:xintian.preparer", "UNIT_SIGN>BUREAU_GUIDANCE:xintian.head",
        "BUREAU_GUIDANCE>DRAFT:xintian.bureau",
        "DRAFT>UNIT_SIGN:xintian.preparer", "UNIT_SIGN>BUREAU_GUIDANCE:xintian.head",
        "BUREAU_GUIDANCE>FINANCE_REVIEW:xintian.bureau",
        "FINANCE_REVIEW>BUREAU_GUIDANCE:xintian.finance", "BUREAU_GUIDANCE>FINANCE_REVIEW:xintian.bureau",
        "FINANCE_REVIEW>DRAFT:xintian.finance",
        "DRAFT>UNIT_SIGN:xintian.preparer", "UNIT_SIGN>BUREAU_GUIDANCE:xintian.head",
        "BUREAU_GUIDANCE>FINANCE_REVIEW:xintian.bureau", "FINANCE_REVIEW>DISCLOSURE:xintian.finance",
        "DISCLOSURE>FINANCE_REVIEW:admin", "FINANCE_REVIEW>DISCLOSURE:xintian.finance",
        "DISCLOSURE>PUBLISHED:admin");
    List<String> kinds = preparer.get("/api/reports/{id}/history", id).valueStream()
        .map(e -> e.get("kind").asString()).toList();
    assertThat(kinds).contains("CREATED", "SAVED", "CLAIMED", "COMMENTED", "COMMENT_RESOLVED", "REVIEW_SCORED",
        "SIGNED", "APPROVED", "PUBLISHED", "CORRECTION_STARTED");
    assertThat(kinds.stream().filter("SIGNED"::equals)).hasSize(3);
    // Flowable's own history names the same people.
    assertThat(jdbc.sql("select count(distinct assignee_) from act_hi_taskinst where proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ = :id)")
        .param("id", id).query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void submittingIsRefusedWhileFindingsStand() {
    String id = preparer.post(CREATED, Map.of("unitCode", UNIT, "year", year), "/api/reports").get("id").asString();
    ObjectNode content = (ObjectNode) json.readTree(Packages.CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(year + 1)));
    // 60 + 10 + 30 + 10 = 110: the weights do not add up to 100.
    ((ObjectNode) content.get("overall").get("indicators").get(0)).put("weight", 60);
    save(id, content);
    String task = claim(preparer, id);
    JsonNode refused = preparer.post(UNPROCESSABLE_CONTENT, Map.of("outcome", "APPROVE", "version", version(id)),
        "/api/tasks/{t}/complete", task);
    assertThat(refused.get("errors").toString()).contains("WEIGHTS_NOT_100");
    assertStage(id, "DRAFT");
  }

  @Test
  void eightClaimsAtOnceGiveOneTaskHolderAndSevenConflicts() throws Exception {
    String id = createFilledPackage();
    String task = taskOf(id);
    List<Api> preparers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      preparers.add(Api.as(http, json, TestTokens.forUser("preparer" + i, "preparer", UNIT)));
    }
    List<Integer> statuses = race(preparers.stream().map(p -> (Callable<Integer>) () ->
        p.postStatus(null, "/api/tasks/{t}/claim", task)).toList());
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
  }

  @Test
  void eightCompletionsAtOnceMakeExactlyOneTransition() throws Exception {
    String id = createFilledPackage();
    String task = claim(preparer, id);
    List<Integer> statuses = race(java.util.stream.IntStream.range(0, 8).mapToObj(i -> (Callable<Integer>) () ->
        preparer.postStatus(Map.of("outcome", "APPROVE", "version", version(id)), "/api/tasks/{t}/complete", task)).toList());
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    long transitions = preparer.get("/api/reports/{id}/history", id).valueStream()
        .filter(e -> e.get("kind").asString().equals("TRANSITION")).count();
    assertThat(transitions).isEqualTo(1);
    assertStage(id, "UNIT_SIGN");
  }

  static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  String createFilledPackage() {
    return packages.createFilled(year);
  }

  void save(String id, ObjectNode content) {
    packages.save(id, content);
  }

  int version(String id) {
    return packages.version(id);
  }

  ObjectNode contentOf(String id) {
    return packages.contentOf(id);
  }

  void submit(String id) {
    complete(preparer, claim(preparer, id), "APPROVE", null, null);
  }

  void sign(String id) {
    complete(head, claim(head, id), "APPROVE", "已阅，同意", null);
  }

  String taskOf(String id) {
    return packages.taskOf(id);
  }

  String claim(Api user, String id) {
    return packages.claim(user, id);
  }

  void complete(Api user, String task, String outcome, String comment, String returnTo) {
    var body = packages.completion(user, task, outcome, comment, returnTo);
    user.post(OK, body, "/api/tasks/{t}/complete", task);
    user.post(CONFLICT, body, "/api/tasks/{t}/complete", task); // completing twice is a conflict, not a 500
  }

  JsonNode lifecycle(String id) {
    return preparer.get("/api/reports/{id}/lifecycle", id);
  }

  void assertStage(String id, String stage) {
    assertThat(preparer.get("/api/reports/{id}", id).get("stage").asString()).isEqualTo(stage);
    assertThat(lifecycle(id).get("stage").asString()).isEqualTo(stage);
  }

  void assertLastTransition(String id, String from, String to, String outcome, String comment) {
    JsonNode last = preparer.get("/api/reports/{id}/history", id).valueStream()
        .filter(e -> e.get("kind").asString().equals("TRANSITION")).reduce((a, b) -> b).orElseThrow();
    assertThat(last.get("stageFrom").asString()).isEqualTo(from);
    assertThat(last.get("stageTo").asString()).isEqualTo(to);
    assertThat(last.get("outcome").asString()).isEqualTo(outcome);
    assertThat(last.get("comment").asString()).isEqualTo(comment);
  }
}
