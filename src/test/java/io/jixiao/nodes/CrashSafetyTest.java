package io.jixiao.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.AppProcess;
import io.jixiao.support.Consistency;
import io.jixiao.support.LifecycleLoad;
import io.jixiao.support.NodeClient;
import io.jixiao.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 under load: lifecycle traffic runs at an app process, which is killed with SIGKILL at a
 * random moment, checked against the database while it is down, restarted, and killed again.
 * After every kill and at the end: every acknowledged step is in the database, our tables and the
 * engine agree on every package, and the audit trail holds exactly one TRANSITION per engine
 * transition ({@link Consistency}). The normal suite kills twice; {@code bench/crash.sh} runs the
 * same test with {@code -Djixiao.crash.kills=10}.
 */
class CrashSafetyTest {

  private static final int KILLS = Integer.getInteger("jixiao.crash.kills", 2);
  private static final int WORKERS = Integer.getInteger("jixiao.crash.workers", 4);
  private static final Duration START = Duration.ofSeconds(180);

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyAcknowledgedStepSurvivesKillDashNineAndNothingIsDuplicated() throws Exception {
    long began = System.nanoTime();
    try (TestPostgres db = TestPostgres.start(); AppProcess node = AppProcess.node("crash", db.jdbcUrl())) {
      node.start().awaitHealthy(START);
      LifecycleLoad.openCycles(db.jdbc());
      LifecycleLoad load = new LifecycleLoad(List.of(new NodeClient(node, json)), json, "crash", LifecycleLoad.UNITS);
      Random random = new Random(Long.getLong("jixiao.crash.seed", 20261202L));
      List<String> figures = new ArrayList<>();
      load.start(WORKERS);
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          awaitProgress(load, 25);
          Thread.sleep(random.nextInt(1500)); // a random moment in the middle of the traffic
          int ackedBefore = load.acks().size();
          node.kill();
          Consistency.Result down = Consistency.check(db.jdbc(), load.acks());
          assertThat(down.discrepancies()).as("database after kill %d, node down", kill).isEmpty();
          long restart = System.nanoTime();
          node.start().awaitHealthy(START);
          figures.add("kill %d: %d steps acknowledged before it, %d in doubt so far, restart %d ms".formatted(kill,
              ackedBefore, load.inDoubt(), (System.nanoTime() - restart) / 1_000_000));
        }
        awaitProgress(load, 25); // the load goes on after the last restart
      } finally {
        load.stop();
      }

      Consistency.Result result = Consistency.check(db.jdbc(), load.acks());
      String summary = "%d kills, %d steps acknowledged %s, %d unanswered (in doubt), %d packages, %d engine transitions,"
          .formatted(KILLS, load.acks().size(), load.ackCounts(), load.inDoubt(), result.packages(),
              result.engineTransitions())
          + " %d discrepancies, %d s".formatted(result.discrepancies().size(), (System.nanoTime() - began) / 1_000_000_000);
      figures.add(summary);
      Files.createDirectories(AppProcess.LOG_DIR);
      Files.write(AppProcess.LOG_DIR.resolve("crash-figures.txt"), figures);
      figures.forEach(System.out::println);

      assertThat(result.discrepancies()).as(summary).isEmpty();
      assertThat(load.serverErrors()).as("5xx answers").isEmpty();
      assertThat(load.refusals()).as("4xx answers to a client that re-reads before each step").isEmpty();
      long transitions = load.acks().stream().filter(a -> a.kind() == LifecycleLoad.Kind.TRANSITION).count();
      assertThat(transitions).as("acknowledged transitions").isGreaterThanOrEqualTo(10L * KILLS);
      // Steps the engine holds beyond those acknowledged are at most those whose answer the kills cut off.
      assertThat(result.engineTransitions() - transitions).isBetween(0L, (long) load.inDoubt());
      assertThat(node.logs()).doesNotContain("OutOfMemoryError");

      // The check itself can fail: an acknowledgement the database does not hold is reported.
      List<LifecycleLoad.Ack> withForeign = new ArrayList<>(load.acks());
      withForeign.add(new LifecycleLoad.Ack(LifecycleLoad.Kind.TRANSITION, load.acks().get(0).reportId(), "no-such-task",
          "DRAFT", "UNIT_SIGN", 0));
      assertThat(Consistency.check(db.jdbc(), withForeign).discrepancies()).singleElement().asString()
          .contains("no-such-task");
    }
  }

  private static void awaitProgress(LifecycleLoad load, int steps) throws InterruptedException {
    int target = load.acks().size() + steps;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (load.acks().size() < target) {
      assertThat(System.nanoTime()).as("load stalled at %d acknowledged steps; 5xx %s; 4xx %s", load.acks().size(),
          load.serverErrors(), load.refusals()).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
