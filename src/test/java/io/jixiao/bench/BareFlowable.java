package io.jixiao.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * Bare Flowable, the benchmark's yardstick: a standalone engine in this JVM (no Spring, no listener of
 * the app, no projection, no audit) on its own database of the same PostgreSQL server, running
 * {@code bench/bare-lifecycle.bpmn20.xml} — the app's five-stage process under another key — as the
 * app's lifecycle does: start, then for each stage query the task by candidate group, claim, complete.
 * Like the app's, each task carries a reminder and an escalation timer (issue 11).
 */
final class BareFlowable implements AutoCloseable {

  /** Stage, candidate-group role, acting user: the app's demo chain. */
  private static final List<String[]> STAGES = List.of(
      new String[] {"DRAFT", "preparer", "bare.preparer"},
      new String[] {"UNIT_SIGN", "unit-head", "bare.head"},
      new String[] {"BUREAU_GUIDANCE", "bureau-reviewer", "bare.bureau"},
      new String[] {"FINANCE_REVIEW", "finance-reviewer", "bare.finance"},
      new String[] {"DISCLOSURE", "admin", "admin"});

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;

  /**
   * @param jdbcUrl  a database of its own (the engine creates its tables there)
   * @param poolSize as the app's pool, so neither waits for connections the other has
   * @param history  the app engine's history level, so both write the same history
   */
  BareFlowable(String jdbcUrl, String user, int poolSize, HistoryLevel history) {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    dataSource.setUsername(user);
    dataSource.setMaximumPoolSize(poolSize);
    dataSource.setPoolName("bare-flowable");
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setAsyncExecutorActivate(false);
    configuration.setHistoryLevel(history);
    // As the app's engine (application.yml): no IDM, no event registry.
    configuration.setDisableIdmEngine(true);
    configuration.setDisableEventRegistry(true);
    // As Flowable's Spring Boot starter does: UUIDs, no id block table round trips.
    configuration.setIdGenerator(new StrongUuidGenerator());
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bench")
        .addClasspathResource("bench/bare-lifecycle.bpmn20.xml").deploy();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
  }

  /** One whole lifecycle for worker {@code worker}'s unit, every stage approved. */
  void lifecycle(int worker) {
    String unit = "bare-u" + worker;
    Map<String, Object> variables = new HashMap<>();
    variables.put("reportId", UUID.randomUUID().toString());
    variables.put("unitCode", unit);
    variables.put("year", 2030);
    Date due = Date.valueOf(LocalDate.now().plusDays(30));
    for (String name : List.of("draftDue", "signDue", "guidanceDue", "reviewDue", "publishDue")) {
      variables.put(name, due);
    }
    // The app's reminder (3 days before) and escalation (the day after) timers, at fixed dates.
    variables.put("remindAt", Date.valueOf(LocalDate.now().plusDays(27)));
    variables.put("escalateAt", Date.valueOf(LocalDate.now().plusDays(31)));
    variables.put("outcome", null);
    variables.put("returnTo", null);
    String process = as("bare.preparer", () -> runtime
        .startProcessInstanceByKey("bareLifecycle", (String) variables.get("reportId"), variables).getId());
    for (String[] stage : STAGES) {
      String group = stage[1].equals("admin") ? "admin" : stage[1] + ":" + unit;
      String user = stage[2];
      as(user, () -> {
        Task task = tasks.createTaskQuery().processInstanceId(process).taskCandidateGroup(group).singleResult();
        if (task == null || !task.getTaskDefinitionKey().equals(stage[0])) {
          throw new IllegalStateException("no " + stage[0] + " task for " + group + " in " + process);
        }
        tasks.claim(task.getId(), user);
        if (!stage[0].equals("DRAFT")) {
          tasks.addComment(task.getId(), process, "同意");
        }
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("outcome", "APPROVE");
        outcome.put("returnTo", null);
        tasks.complete(task.getId(), outcome);
        return null;
      });
    }
  }

  private static <T> T as(String user, java.util.function.Supplier<T> call) {
    Authentication.setAuthenticatedUserId(user);
    try {
      return call.get();
    } finally {
      Authentication.setAuthenticatedUserId(null);
    }
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
