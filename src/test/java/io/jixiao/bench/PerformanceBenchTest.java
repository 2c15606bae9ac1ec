package io.jixiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.security.LocalKeycloak;
import io.jixiao.support.AppProcess;
import io.jixiao.support.KeycloakTokens;
import io.jixiao.support.PageSession;
import io.jixiao.support.QueueData;
import io.jixiao.support.TestPostgres;
import io.jixiao.support.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark (bench/run.sh; README "Benchmark"). One PostgreSQL of its own on a temporary directory,
 * shared by everything measured:
 * <ul>
 *   <li>the app in this JVM on a random port, with a real Keycloak (the Maven Central distribution,
 *       {@link LocalKeycloak}) issuing the API's tokens — for the lifecycle: bare Flowable (its own
 *       database on the same server), the service layer and the REST API, N threads each, in
 *       repetitions whose order rotates;</li>
 *   <li>a second node of the same database ({@link AppProcess}, a production-like JVM, no Keycloak,
 *       trusting the test key; the finance reviewer's token names one region group, its 1,000 units
 *       resolved on the server) — for its start time, its heap after a full GC, and the task lists at
 *       10,000 and 100,000 open tasks ({@link QueueData}: 2 regions × 1,000 units).</li>
 * </ul>
 * Prints one table and writes {@code target/bench/bench.json} and {@code bench.md}. Parameters:
 * {@code -Dbench.threads} (8), {@code -Dbench.seconds} per repetition (20), {@code -Dbench.repetitions}
 * (3), {@code -Dbench.requests} per list case and repetition (30), {@code -Dbench.starts} (3),
 * {@code -Dbench.tasks} (10000,100000), {@code -Dbench.jfr=true} (a JFR recording of the node:
 * target/bench/node.jfr). It measures and reports; it fails only if something does not work.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jixiao.keycloak.launch=true",
    "jixiao.keycloak.jwt-public-key-location=",
    "jixiao.keycloak.home-dir=target/keycloak",
    "spring.datasource.username=postgres",
    "spring.datasource.hikari.maximum-pool-size=20",
    "logging.level.org.flowable=WARN"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceBenchTest {

  static final TestPostgres DB = TestPostgres.start();
  static final int KEYCLOAK_PORT = AppProcess.freePort();
  static final Path OUT = Path.of("target", "bench");

  static final int THREADS = Integer.getInteger("bench.threads", 8);
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);
  static final int REQUESTS = Integer.getInteger("bench.requests", 30);
  static final int STARTS = Integer.getInteger("bench.starts", 3);
  static final List<Integer> TASKS = java.util.Arrays.stream(System.getProperty("bench.tasks", "10000,100000").split(","))
      .map(String::trim).map(Integer::valueOf).toList();
  static final boolean JFR = Boolean.getBoolean("bench.jfr");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB::jdbcUrl);
    registry.add("jixiao.keycloak.url", () -> "http://localhost:" + KEYCLOAK_PORT);
  }

  @Autowired ApplicationContext context;
  @Autowired JsonMapper json;
  @Autowired ProcessEngine appEngine;
  @Autowired LocalKeycloak keycloak;
  @LocalServerPort int port;

  final Bench bench = new Bench();

  @Test
  void benchmark() throws Exception {
    bench.parameters.put("threads", THREADS);
    bench.parameters.put("secondsPerRepetition", SECONDS);
    bench.parameters.put("repetitions", REPETITIONS);
    bench.parameters.put("requestsPerListCase", REQUESTS);
    lifecycles();
    taskListsStartAndHeap();
    bench.write(OUT, json);
    System.out.println("\n==== Jixiao benchmark ====\n" + bench.table() + "\n(" + OUT.resolve("bench.json").toAbsolutePath() + ")\n");
    assertThat(bench.rate("bare")).isPositive();
  }

  private void lifecycles() throws Exception {
    assertThat(keycloak.awaitReady(Duration.ofMinutes(5))).as("Keycloak ready; see target/keycloak/keycloak.log").isTrue();
    KeycloakTokens issuer = new KeycloakTokens(json, "http://localhost:" + KEYCLOAK_PORT + "/realms/jixiao");
    Map<String, String> tokens = new ConcurrentHashMap<>();
    Function<String, String> token = user -> tokens.computeIfAbsent(user, issuer::of);
    BenchHttp http = new BenchHttp("http://127.0.0.1:" + port, json);
    DB.jdbc().sql("create database bare").update();
    String bareUrl = DB.jdbcUrl().replaceFirst("/postgres$", "/bare");
    try (BareFlowable bare = new BareFlowable(bareUrl, "postgres", 20,
        ((ProcessEngineConfigurationImpl) appEngine.getProcessEngineConfiguration()).getHistoryLevel())) {
      AppLifecycles app = new AppLifecycles(context, http, token);
      app.prepare(THREADS, DB.jdbc());
      Map<String, Throughput.Lifecycle> variants = new LinkedHashMap<>();
      variants.put("bare", bare::lifecycle);
      variants.put("service", app::service);
      variants.put("rest", app::rest);
      // Warm-up: every variant's code paths compiled before anything counts.
      for (Throughput.Lifecycle variant : variants.values()) {
        Throughput.measure(THREADS, 3, Duration.ofSeconds(SECONDS), variant);
      }
      List<String> order = new ArrayList<>(variants.keySet());
      for (int rep = 0; rep < REPETITIONS; rep++) {
        for (String name : order) {
          tokens.clear(); // fresh Keycloak tokens (5-minute lifespan), fetched outside the timed part
          AppLifecycles.CHAINS.forEach(c -> List.of(c.preparer(), c.head(), c.bureau(), c.finance()).forEach(token::apply));
          token.apply("admin");
          Throughput.Run run = Throughput.measure(THREADS, Integer.MAX_VALUE, Duration.ofSeconds(SECONDS), variants.get(name));
          bench.lifecycles.computeIfAbsent(name, k -> new ArrayList<>()).add(run.perSecond());
          System.out.printf("bench: %s repetition %d: %d lifecycles in %.1f s = %.1f/s%n", name, rep + 1,
              run.lifecycles(), run.seconds(), run.perSecond());
        }
        order.add(order.remove(0));
      }
    }
  }

  private void taskListsStartAndHeap() throws Exception {
    AppProcess node = AppProcess.node("bench-node", DB.jdbcUrl(),
        "--spring.datasource.hikari.maximum-pool-size=20",
        "--logging.level.org.flowable=WARN");
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
    if (JFR) {
      Files.createDirectories(OUT);
      jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
      jvm.add("-XX:StartFlightRecording=filename=" + OUT.resolve("node.jfr").toAbsolutePath() + ",settings=profile,dumponexit=true");
    }
    node.jvmOptions(jvm.toArray(String[]::new));
    BenchHttp http = new BenchHttp(node.baseUrl(), json);
    int loaded = 0;
    try {
      for (int tasks : TASKS) {
        if (loaded > 0) {
          QueueData.drop(DB.jdbc(), "qa");
          QueueData.drop(DB.jdbc(), "qb");
        }
        QueueData.load(DB.jdbc(), "qa", 1000, tasks / 2);
        QueueData.load(DB.jdbc(), "qb", 1000, tasks - tasks / 2);
        DB.jdbc().sql("vacuum analyze jixiao.open_task").update();
        if (loaded == 0) {
          for (int i = 0; i < STARTS; i++) {
            node.stop();
            Instant began = Instant.now();
            node.start().awaitHealthy(Duration.ofMinutes(4));
            double seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
            bench.startSeconds.add(seconds);
            System.out.printf("bench: node start %d: %.1f s%n", i + 1, seconds);
          }
        }
        loaded = tasks;
        List<String> units = IntStream.rangeClosed(1, 1000).mapToObj(i -> "qa-u" + i).toList();
        List<TaskLists.User> users = List.of(
            new TaskLists.User("admin", TestTokens.of("admin"), PageSession.of(context, "admin"), "DISCLOSURE"),
            // One group names the region: the token stays small, the server resolves its 1,000 units.
            new TaskLists.User("finance reviewer, 1,000 units",
                TestTokens.withGrants("qa.finance-reviewer", "finance-reviewer:region=qa"),
                PageSession.withGroups(context, "qa.finance-reviewer", "finance-reviewer", List.of("finance-reviewer:region=qa")),
                "FINANCE_REVIEW"),
            new TaskLists.User("preparer", TestTokens.forUser("qa.preparer", "preparer", units.get(0)),
                PageSession.of(context, "qa.preparer", "preparer", List.of(units.get(0))), "DRAFT"));
        TaskLists lists = new TaskLists(http, 50);
        List<TaskLists.Case> cases = lists.cases(users);
        List<TaskLists.Latency> latencies = lists.measure(cases, REPETITIONS, REQUESTS, 5);
        bench.lists.put(tasks, latencies);
        latencies.forEach(l -> System.out.printf("bench: %,d tasks, %s %s %s: p50 %.1f p95 %.1f p99 %.1f ms%n", tasks,
            l.user(), l.surface(), l.page(), l.p50(), l.p95(), l.p99()));
        bench.heapMb.put(tasks, Bench.heapAfterFullGc(node.pid()));
        System.out.printf("bench: heap after full GC with %,d packages: %.1f MB%n", tasks, bench.heapMb.get(tasks));
      }
    } finally {
      node.stop();
      node.close();
    }
  }
}
