package io.jixiao.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.AppProcess;
import io.jixiao.support.Consistency;
import io.jixiao.support.LifecycleLoad;
import io.jixiao.support.NodeClient;
import io.jixiao.support.Packages;
import io.jixiao.support.TestPostgres;
import io.jixiao.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two app processes on one PostgreSQL, started at the same moment on an empty database: they set
 * it up once (schema, process deployment, demo packages), then serve one package's steps
 * alternately, race for the same task (exactly one winner), carry mixed traffic together, and
 * share page sessions. {@code bench/nodes.sh} runs it longer ({@code -Djixiao.nodes.rounds},
 * {@code -Djixiao.nodes.load-seconds}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

  private static final int ROUNDS = Integer.getInteger("jixiao.nodes.rounds", 3);
  private static final int LOAD_SECONDS = Integer.getInteger("jixiao.nodes.load-seconds", 6);
  private static final Duration START = Duration.ofSeconds(240);

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final HttpClient pages = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

  private static TestPostgres db;
  private static AppProcess a;
  private static AppProcess b;
  private static NodeClient onA;
  private static NodeClient onB;
  private static final List<LifecycleLoad.Ack> acknowledged = new ArrayList<>();

  @BeforeAll
  static void startTwoNodesAtOnce() {
    db = TestPostgres.start();
    a = AppProcess.node("node-a", db.jdbcUrl(), "--jixiao.demo.packages=true");
    b = AppProcess.node("node-b", db.jdbcUrl(), "--jixiao.demo.packages=true");
    a.start();
    b.start();
    a.awaitHealthy(START);
    b.awaitHealthy(START);
    onA = new NodeClient(a, json);
    onB = new NodeClient(b, json);
    LifecycleLoad.openCycles(db.jdbc());
  }

  @AfterAll
  static void stopNodes() throws Exception {
    try (TestPostgres database = db; AppProcess first = a; AppProcess second = b) {
      // closed in reverse order: the nodes, then the database
    }
  }

  @Test
  @Order(1)
  void startingTogetherOnAnEmptyDatabaseTheySetItUpOnce() {
    assertThat(count("select count(*) from act_re_deployment")).isEqualTo(1);
    assertThat(count("select count(*) from act_re_procdef where key_ = 'reportLifecycle'")).isEqualTo(1);
    assertThat(count("select count(*) from jixiao.flyway_schema_history where not success")).isZero();
    long demo = count("select count(*) from jixiao.report where year < 2030");
    assertThat(demo).as("demo packages").isGreaterThanOrEqualTo(10);
    assertThat(count("select count(*) from jixiao.audit_event where kind = 'CREATED'")).isEqualTo(demo);
    assertThat(count("select count(*) from act_hi_procinst")).isEqualTo(demo);

    String logs = a.logs() + b.logs();
    assertThat(Pattern.compile("Demo packages created in").matcher(logs).results().count())
        .as("nodes that created the demo packages").isEqualTo(1);
    assertThat(logs).doesNotContain("Demo packages not created").doesNotContain("OutOfMemoryError");
    assertThat(Consistency.check(db.jdbc(), List.of()).discrepancies()).isEmpty();
  }

  @Test
  @Order(2)
  void onePackagesStepsAlternateBetweenTheNodes() {
    String unit = "gaocheng-jsx";
    String preparer = TestTokens.forUser("alt.preparer", "preparer", unit);
    Map<String, String> actors = Map.of(
        "UNIT_SIGN", TestTokens.forUser("alt.head", "unit-head", unit),
        "BUREAU_GUIDANCE", TestTokens.forUser("alt.bureau", "bureau-reviewer", unit),
        "FINANCE_REVIEW", TestTokens.forUser("alt.finance", "finance-reviewer", unit),
        "DISCLOSURE", TestTokens.forUser("alt.admin", "admin"));
    int year = LifecycleLoad.FIRST_YEAR;

    String id = onA.expect(201, preparer, "POST", "/api/reports", Map.of("unitCode", unit, "year", year), null)
        .get("id").asString();
    String content = Packages.CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(year + 1));
    assertThat(onB.expect(200, preparer, "PUT", "/api/reports/" + id, content, "\"1\"").get("version").asInt())
        .isEqualTo(2);
    // Version checks hold across nodes: A refuses a save over the version B made.
    onA.expect(412, preparer, "PUT", "/api/reports/" + id, content, "\"1\"");
    acknowledgeWarnings(onA, preparer, id);

    String task = onB.expect(200, preparer, "GET", "/api/reports/" + id + "/lifecycle", null, null).get("taskId").asString();
    onA.expect(200, preparer, "POST", "/api/tasks/" + task + "/claim", null, null);
    complete(onB, preparer, task, "DRAFT", "UNIT_SIGN");

    NodeClient[] claimOn = {onA, onB};
    String[] stages = {"UNIT_SIGN", "BUREAU_GUIDANCE", "FINANCE_REVIEW", "DISCLOSURE"};
    String[] next = {"BUREAU_GUIDANCE", "FINANCE_REVIEW", "DISCLOSURE", "PUBLISHED"};
    for (int i = 0; i < stages.length; i++) {
      NodeClient claimer = claimOn[i % 2];
      NodeClient completer = claimOn[(i + 1) % 2];
      String token = actors.get(stages[i]);
      task = completer.expect(200, token, "GET", "/api/reports/" + id + "/lifecycle", null, null).get("taskId").asString();
      claimer.expect(200, token, "POST", "/api/tasks/" + task + "/claim", null, null);
      acknowledged.add(new LifecycleLoad.Ack(LifecycleLoad.Kind.CLAIMED, id, task, stages[i], stages[i], 0));
      if (stages[i].equals("FINANCE_REVIEW")) {
        completer.expect(200, token, "PUT", "/api/reports/" + id + "/review-scores",
            Map.of("scores", Map.of("overall.indicators[0]", 45)), null);
      }
      complete(completer, token, task, stages[i], next[i]);
    }

    for (NodeClient node : claimOn) {
      JsonNode state = node.expect(200, preparer, "GET", "/api/reports/" + id + "/lifecycle", null, null);
      assertThat(state.get("stage").asString()).as(node.node().name()).isEqualTo("PUBLISHED");
      assertThat(state.path("publication").path("version").asInt()).isEqualTo(state.get("latestVersion").asInt());
    }
    assertThat(db.jdbc().sql("""
            select stage_from || '>' || stage_to from jixiao.audit_event
             where report_id = cast(:id as uuid) and kind = 'TRANSITION' order by id
            """).param("id", id).query(String.class).list())
        .containsExactly("DRAFT>UNIT_SIGN", "UNIT_SIGN>BUREAU_GUIDANCE", "BUREAU_GUIDANCE>FINANCE_REVIEW",
            "FINANCE_REVIEW>DISCLOSURE", "DISCLOSURE>PUBLISHED");
    assertThat(Consistency.check(db.jdbc(), acknowledged).discrepancies()).isEmpty();
  }

  @Test
  @Order(3)
  void claimsAndCompletionsRacingOnBothNodesHaveExactlyOneWinner() throws Exception {
    String unit = "qiannan-jsx";
    String preparer = TestTokens.forUser("race.preparer", "preparer", unit);
    List<String> heads = List.of(TestTokens.forUser("race.head1", "unit-head", unit),
        TestTokens.forUser("race.head2", "unit-head", unit), TestTokens.forUser("race.head3", "unit-head", unit),
        TestTokens.forUser("race.head4", "unit-head", unit));
    ExecutorService pool = Executors.newFixedThreadPool(heads.size());
    try {
      for (int round = 0; round < ROUNDS; round++) {
        int year = LifecycleLoad.FIRST_YEAR + round;
        String id = onA.expect(201, preparer, "POST", "/api/reports", Map.of("unitCode", unit, "year", year), null)
            .get("id").asString();
        onB.expect(200, preparer, "PUT", "/api/reports/" + id,
            Packages.CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(year + 1)), "\"1\"");
        acknowledgeWarnings(onA, preparer, id);
        String draft = onB.expect(200, preparer, "GET", "/api/reports/" + id + "/lifecycle", null, null)
            .get("taskId").asString();
        onA.expect(200, preparer, "POST", "/api/tasks/" + draft + "/claim", null, null);
        complete(onB, preparer, draft, "DRAFT", "UNIT_SIGN");
        String task = onA.expect(200, preparer, "GET", "/api/reports/" + id + "/lifecycle", null, null)
            .get("taskId").asString();

        // Four unit heads claim the same task at once, two through each node.
        List<Integer> claims = race(pool, heads.size(), i ->
            (i % 2 == 0 ? onA : onB).post(heads.get(i), "/api/tasks/" + task + "/claim", null).status());
        assertThat(claims).as("claims in round %d", round).containsOnly(200, 409);
        assertThat(claims.stream().filter(s -> s == 200).count()).as("claim winners").isEqualTo(1);
        String winner = heads.get(claims.indexOf(200));
        String holder = db.jdbc().sql("select assignee from jixiao.open_task where task_id = :t").param("t", task)
            .query(String.class).single();
        assertThat(holder).isEqualTo("race.head" + (claims.indexOf(200) + 1));
        acknowledged.add(new LifecycleLoad.Ack(LifecycleLoad.Kind.CLAIMED, id, task, "UNIT_SIGN", "UNIT_SIGN", 0));

        // The winner signs through both nodes at once: one signature, one transition.
        int read = versionOf(task);
        List<Integer> completions = race(pool, 2, i -> (i == 0 ? onA : onB)
            .post(winner, "/api/tasks/" + task + "/complete", NodeClient.completion("APPROVE", "同意", null, read))
            .status());
        assertThat(completions).as("completions in round %d", round).containsExactlyInAnyOrder(200, 409);
        assertThat(count("select count(*) from jixiao.signature where report_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("select count(*) from jixiao.audit_event where kind = 'TRANSITION' and task_id = '" + task + "'"))
            .isEqualTo(1);
        acknowledged.add(new LifecycleLoad.Ack(LifecycleLoad.Kind.TRANSITION, id, task, "UNIT_SIGN", "BUREAU_GUIDANCE", 0));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Consistency.check(db.jdbc(), acknowledged).discrepancies()).isEmpty();
  }

  @Test
  @Order(4)
  void mixedTrafficOverBothNodesLeavesEveryPackageConsistent() throws Exception {
    LifecycleLoad load = new LifecycleLoad(List.of(onA, onB), json, "mixed",
        List.of("xintian-jsx", "xintian-fyjk", "lingling-jsx", "lingling-fyjk"));
    load.start(4);
    Thread.sleep(LOAD_SECONDS * 1000L);
    load.stop();

    List<LifecycleLoad.Ack> all = new ArrayList<>(acknowledged);
    all.addAll(load.acks());
    Consistency.Result result = Consistency.check(db.jdbc(), all);
    System.out.printf("two nodes, %d s: %d steps acknowledged %s, %d packages, %d engine transitions, %d discrepancies%n",
        LOAD_SECONDS, load.acks().size(), load.ackCounts(), result.packages(), result.engineTransitions(),
        result.discrepancies().size());
    assertThat(result.discrepancies()).isEmpty();
    assertThat(load.serverErrors()).isEmpty();
    assertThat(load.refusals()).isEmpty();
    assertThat(load.ackCounts().getOrDefault(LifecycleLoad.Kind.TRANSITION, 0)).isGreaterThanOrEqualTo(5);
    assertThat(a.isAlive() && b.isAlive()).isTrue();
  }

  /**
   * A page session begun on A goes on on B. Pages log in through Keycloak, which this test does
   * not run; the login's own round trip shows the session is shared: A starts the session (the
   * page asked for is saved in it), B starts the authorization request (its state saved in the
   * session), and A's callback finds that state — it gets as far as the code exchange with
   * Keycloak, which fails here — whereas the same callback without the cookie does not find it.
   * (A full login through a real Keycloak on two nodes is left to a longer test; see the README.)
   */
  @Test
  @Order(5)
  void aPageSessionBegunOnOneNodeGoesOnOnTheOther() throws Exception {
    HttpResponse<String> first = page(a, "/tasks", null);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
    String cookie = sessionCookie(first);
    String sessionId = cookie.substring("SESSION=".length()); // the id itself (not Base64: see security.SharedSessions)
    assertThat(count("select count(*) from jixiao.spring_session where session_id = '" + sessionId + "'")).isEqualTo(1);

    HttpResponse<String> authorize = page(b, "/oauth2/authorization/keycloak", cookie);
    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(authorize.headers().allValues("Set-Cookie")).as("B keeps A's session").noneMatch(c -> c.startsWith("SESSION="));
    Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorize.headers().firstValue("Location").orElseThrow());
    assertThat(state.find()).isTrue();
    String callback = "/login/oauth2/code/keycloak?code=test-code&state=" + state.group(1);

    HttpResponse<String> returned = page(a, callback, cookie);
    assertThat(returned.statusCode()).isEqualTo(302);
    assertThat(returned.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(loginError(sessionId)).as("why A's callback failed, kept in the shared session")
        .isEqualTo("invalid_token_response");
    assertThat(count("select count(*) from jixiao.spring_session")).as("one session for the three requests").isEqualTo(1);

    // Without the session the same callback finds no authorization request.
    HttpResponse<String> stranger = page(a, callback, null);
    String strangerCookie = sessionCookie(stranger);
    assertThat(loginError(strangerCookie.substring("SESSION=".length()))).isEqualTo("authorization_request_not_found");
  }

  /** The OAuth2 error code of the login failure Spring Security keeps in a session, read from the session store. */
  private static String loginError(String sessionId) throws Exception {
    byte[] bytes = db.jdbc().sql("""
            select a.attribute_bytes from jixiao.spring_session_attributes a
              join jixiao.spring_session s on s.primary_id = a.session_primary_id
             where s.session_id = :id and a.attribute_name = 'SPRING_SECURITY_LAST_EXCEPTION'
            """).param("id", sessionId).query(byte[].class).single();
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
      Object failure = in.readObject();
      assertThat(failure).isInstanceOf(OAuth2AuthenticationException.class);
      return ((OAuth2AuthenticationException) failure).getError().getErrorCode();
    }
  }

  private static HttpResponse<String> page(AppProcess node, String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return pages.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
  }

  private static void acknowledgeWarnings(NodeClient node, String preparer, String id) {
    JsonNode view = node.expect(200, preparer, "GET", "/api/reports/" + id, null, null);
    ObjectNode content = (ObjectNode) view.deepCopy();
    content.retain("basicData", "overall", "narrative", "projects", "filling", "acknowledgements");
    var list = content.withArray("acknowledgements");
    int added = 0;
    for (JsonNode finding : view.get("findings")) {
      assertThat(finding.get("severity").asString()).as(finding.toString()).isEqualTo("WARNING");
      list.addObject().put("findingKey", finding.get("code").asString() + "@" + finding.get("path").asString())
          .put("note", "已核实");
      added++;
    }
    if (added > 0) {
      node.expect(200, preparer, "PUT", "/api/reports/" + id, content.toString(), "\"" + view.get("version").asInt() + "\"");
    }
  }

  /** The latest version of the task's package: what its actor has just read. */
  private static int versionOf(String task) {
    return db.jdbc().sql("""
        select r.latest_version from jixiao.report r join jixiao.open_task t on t.report_id = r.id where t.task_id = :t
        """).param("t", task).query(Integer.class).single();
  }

  private static void complete(NodeClient node, String token, String task, String from, String to) {
    JsonNode transition = node.expect(200, token, "POST", "/api/tasks/" + task + "/complete",
        NodeClient.completion("APPROVE", from.equals("DRAFT") ? null : "同意", null, versionOf(task)), null);
    assertThat(transition.get("from").asString()).isEqualTo(from);
    assertThat(transition.get("to").asString()).isEqualTo(to);
    acknowledged.add(new LifecycleLoad.Ack(LifecycleLoad.Kind.TRANSITION, transition.get("reportId").asString(), task,
        from, to, 0));
  }

  /** Runs {@code n} calls released at the same instant; their results in call order. */
  private static List<Integer> race(ExecutorService pool, int n, IntCall call) throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Callable<Integer> task = () -> {
        ready.countDown();
        go.await();
        return call.apply(index);
      };
      futures.add(pool.submit(task));
    }
    ready.await();
    go.countDown();
    List<Integer> results = new ArrayList<>();
    for (Future<Integer> future : futures) {
      results.add(future.get());
    }
    return results;
  }

  @FunctionalInterface
  private interface IntCall {
    int apply(int index) throws Exception;
  }

  private static long count(String sql) {
    return db.jdbc().sql(sql).query(Long.class).single();
  }
}
