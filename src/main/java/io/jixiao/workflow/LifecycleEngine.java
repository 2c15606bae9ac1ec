package io.jixiao.workflow;

import io.jixiao.cycle.Cycle;
import io.jixiao.report.Report;
import io.jixiao.report.Stage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The thin adapter over Flowable: the only class that starts processes and changes tasks, always as the
 * acting user (so the engine's history names real people). It checks nothing; the use cases do.
 */
@Component
class LifecycleEngine {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final LifecycleProcesses processes;

  LifecycleEngine(RuntimeService runtime, TaskService tasks, HistoryService history, LifecycleProcesses processes) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.processes = processes;
  }

  /** Starts the package's lifecycle in DRAFT, with the cycle's due dates. */
  void start(Report report, Cycle cycle, String username) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.REPORT_ID, report.id().toString());
    variables.put(ProcessVariables.UNIT_CODE, report.unitCode());
    variables.put(ProcessVariables.YEAR, report.year());
    variables.put(ProcessVariables.DRAFT_DUE, date(cycle.draftDue()));
    variables.put(ProcessVariables.SIGN_DUE, date(cycle.signDue()));
    variables.put(ProcessVariables.GUIDANCE_DUE, date(cycle.guidanceDue()));
    variables.put(ProcessVariables.REVIEW_DUE, date(cycle.reviewDue()));
    variables.put(ProcessVariables.PUBLISH_DUE, date(cycle.publishDue()));
    variables.put(ProcessVariables.OUTCOME, null);
    variables.put(ProcessVariables.RETURN_TO, null);
    String processInstanceId = EngineUser.as(username, () -> runtime
        .startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, report.id().toString(), variables).getId());
    processes.attach(report.id(), processInstanceId);
  }

  void claim(String taskId, String username) {
    EngineUser.run(username, () -> tasks.claim(taskId, username));
  }

  void unclaim(String taskId, String actor) {
    EngineUser.run(actor, () -> tasks.unclaim(taskId));
  }

  void assign(String taskId, String assignee, String actor) {
    EngineUser.run(actor, () -> tasks.setAssignee(taskId, assignee));
  }

  /** Completes the task with its outcome (and, for a return, where to); the comment goes into the engine's history. */
  void complete(String taskId, String processInstanceId, Outcome outcome, Stage returnTo, String comment,
      String actor) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.OUTCOME, outcome.name());
    variables.put(ProcessVariables.RETURN_TO, returnTo == null ? null : returnTo.name());
    EngineUser.run(actor, () -> {
      if (comment != null) {
        tasks.addComment(taskId, processInstanceId, comment);
      }
      tasks.complete(taskId, variables);
    });
  }

  /** The package a finished task belonged to, from the engine's history (the task is gone from the projection). */
  Optional<UUID> reportOfFinishedTask(String taskId) {
    var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().includeProcessVariables()
        .singleResult();
    return Optional.ofNullable(done)
        .map(task -> task.getProcessVariables().get(ProcessVariables.REPORT_ID))
        .map(id -> UUID.fromString(id.toString()));
  }

  /** Who held the stage's task when it was last completed in this process (e.g. who submitted the draft). */
  Optional<String> lastHolder(String processInstanceId, Stage stage) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(stage.name()).finished().orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, 1).stream().findFirst().map(task -> task.getAssignee());
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
