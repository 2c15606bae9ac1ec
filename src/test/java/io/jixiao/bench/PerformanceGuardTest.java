package io.jixiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import io.jixiao.support.PageSession;
import io.jixiao.support.QueueData;
import io.jixiao.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's short form, a regression guard in the normal suite (bench/run.sh runs the long one):
 * 2 threads × 21 lifecycles per variant — bare Flowable, the service layer, the REST API (signed test
 * tokens) — in interleaved slices, so that a busy machine slows all three alike and the ratios hold;
 * and the task lists at 10,000 open tasks. Floors are loose (a later change that halves the
 * throughput trips them, machine noise should not); a miss is measured once more before it fails.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceGuardTest {

  static final double REST_FLOOR = 0.25;
  static final double SERVICE_FLOOR = 0.40;
  static final double LIST_P95_BOUND_MS = 250;
  static final int THREADS = 2;
  static final int SLICES = 3;
  static final int PER_SLICE = 7;
  static final String REGION = "guardq";

  @Autowired ApplicationContext context;
  @Autowired EmbeddedPostgres postgres;
  @Autowired JsonMapper json;
  @Autowired ProcessEngine appEngine;
  @LocalServerPort int port;

  JdbcClient owner;
  BareFlowable bare;
  AppLifecycles app;
  BenchHttp http;

  @BeforeAll
  void setUp() {
    owner = JdbcClient.create(postgres.getPostgresDatabase());
    if (owner.sql("select count(*) from pg_database where datname = 'bare_guard'").query(Long.class).single() == 0) {
      owner.sql("create database bare_guard").update();
    }
    bare = new BareFlowable(postgres.getJdbcUrl("postgres", "bare_guard"), "postgres", 10,
        ((ProcessEngineConfigurationImpl) appEngine.getProcessEngineConfiguration()).getHistoryLevel());
    http = new BenchHttp("http://127.0.0.1:" + port, json);
    app = new AppLifecycles(context, http, TestTokens::of);
    app.prepare(THREADS, owner);
  }

  @AfterAll
  void tearDown() {
    if (bare != null) {
      bare.close();
    }
  }

  @Test
  void theServiceLayerAndTheApiKeepAFairShareOfBareFlowablesThroughput() throws Exception {
    Map<String, Throughput.Run> runs = measureLifecycles();
    if (!withinFloors(runs)) {
      System.out.println("bench guard, lifecycles, first try: " + runs);
      runs = measureLifecycles(); // once more: a burst on the shared machine, or a real regression
    }
    System.out.println("bench guard, lifecycles: " + runs);
    double bareRate = runs.get("bare").perSecond();
    assertThat(runs.get("service").perSecond() / bareRate).as("service/bare of %s", runs).isGreaterThanOrEqualTo(SERVICE_FLOOR);
    assertThat(runs.get("rest").perSecond() / bareRate).as("REST/bare of %s", runs).isGreaterThanOrEqualTo(REST_FLOOR);
  }

  private static boolean withinFloors(Map<String, Throughput.Run> runs) {
    double bareRate = runs.get("bare").perSecond();
    return runs.get("service").perSecond() / bareRate >= SERVICE_FLOOR && runs.get("rest").perSecond() / bareRate >= REST_FLOOR;
  }

  /** A warm-up lifecycle each, then slices of bare, service, REST in turn (order rotating), summed per variant. */
  private Map<String, Throughput.Run> measureLifecycles() throws InterruptedException {
    Map<String, Throughput.Lifecycle> variants = new LinkedHashMap<>();
    variants.put("bare", bare::lifecycle);
    variants.put("service", app::service);
    variants.put("rest", app::rest);
    for (Throughput.Lifecycle variant : variants.values()) {
      Throughput.measure(THREADS, 1, Duration.ofMinutes(1), variant);
    }
    Map<String, Throughput.Run> runs = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(variants.keySet());
    for (int slice = 0; slice < SLICES; slice++) {
      for (String name : order) {
        Throughput.Run run = Throughput.measure(THREADS, PER_SLICE, Duration.ofMinutes(1), variants.get(name));
        runs.merge(name, run, Throughput.Run::plus);
      }
      order.add(order.remove(0));
    }
    return runs;
  }

  @Test
  void taskListsStayFastAtTenThousandOpenTasks() {
    QueueData.load(owner, REGION, 1000, 10_000);
    try {
      List<String> units = IntStream.rangeClosed(1, 1000).mapToObj(i -> REGION + "-u" + i).toList();
      // The region's reviewer: one group in the token and the session, 1,000 units resolved on the server.
      String finance = REGION + ".finance-reviewer";
      String group = "finance-reviewer:region=" + REGION;
      List<TaskLists.User> users = List.of(
          new TaskLists.User("admin", TestTokens.of("admin"), PageSession.of(context, "admin"), "DISCLOSURE"),
          new TaskLists.User("finance reviewer, 1,000 units", TestTokens.withGrants(finance, group),
              PageSession.withGroups(context, finance, "finance-reviewer", List.of(group)), "FINANCE_REVIEW"),
          new TaskLists.User("preparer", TestTokens.forUser(REGION + ".preparer", "preparer", units.get(0)),
              PageSession.of(context, REGION + ".preparer", "preparer", List.of(units.get(0))), "DRAFT"));
      TaskLists lists = new TaskLists(http, 20);
      List<TaskLists.Case> cases = lists.cases(users);
      List<TaskLists.Latency> latencies = lists.measure(cases, 3, 8, 1);
      if (worstP95(latencies) > LIST_P95_BOUND_MS) {
        System.out.println("bench guard, task lists, first try: " + latencies);
        latencies = lists.measure(cases, 3, 8, 0);
      }
      System.out.println("bench guard, task lists: " + latencies);
      assertThat(worstP95(latencies)).as("worst p95 of %s", latencies).isLessThanOrEqualTo(LIST_P95_BOUND_MS);
    } finally {
      QueueData.drop(owner, REGION);
    }
  }

  private static double worstP95(List<TaskLists.Latency> latencies) {
    return latencies.stream().mapToDouble(TaskLists.Latency::p95).max().orElseThrow();
  }
}
