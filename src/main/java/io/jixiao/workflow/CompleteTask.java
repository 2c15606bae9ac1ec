package io.jixiao.workflow;

import io.jixiao.report.ReportService;
import io.jixiao.report.ReportSnapshot;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.InvalidInput;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task — a submit, sign, pass, approve or publish ({@link StageApproval}), or a return
 * ({@link ReturnRules}) — for the API and the pages alike, in one transaction: the claim (if the page
 * asked for one), the checks, the records, the engine's move and the audit entry happen whole or not at all.
 */
@Service
public class CompleteTask {

  /**
   * @param version     the version the user read; required for APPROVE, checked when given for RETURN
   * @param claimIfFree the page's "act" claims a free task for the caller in the same transaction
   */
  public record Step(String taskId, Outcome outcome, String comment, Stage returnTo, Integer version,
      boolean claimIfFree) {}

  public record Transition(UUID reportId, Stage from, Stage to, Outcome outcome) {}

  private final TaskSteps steps;
  private final Map<Stage, StageApproval> approvals = new EnumMap<>(Stage.class);
  private final ReportService reports;
  private final LifecycleEngine engine;
  private final LifecycleProcesses processes;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  CompleteTask(TaskSteps steps, List<StageApproval> approvals, ReportService reports, LifecycleEngine engine,
      LifecycleProcesses processes, CurrentUser user, ApplicationEventPublisher events) {
    this.steps = steps;
    approvals.forEach(approval -> this.approvals.put(approval.stage(), approval));
    this.reports = reports;
    this.engine = engine;
    this.processes = processes;
    this.user = user;
    this.events = events;
  }

  @Transactional
  public Transition complete(Step step) {
    String comment = step.comment() == null || step.comment().isBlank() ? null : step.comment().trim();
    TaskSteps.Held held = steps.lock(step.taskId());
    Stage stage = held.stage();
    boolean approve = step.outcome() == Outcome.APPROVE;
    StageApproval approval = approvals.get(stage);
    steps.requireRole(held.task(), Action.of(stage, step.outcome()));
    OpenTask task = steps.requireHolder(held, step.claimIfFree());
    steps.requireVersion(held.report(), step.version(), approve);
    Stage returnTo = null;
    if (approve) {
      if (step.returnTo() != null) {
        throw new InvalidInput("只有退回时可以选择退回到哪一阶段 (returnTo)");
      }
    } else {
      returnTo = ReturnRules.target(stage, step.returnTo(), comment);
    }
    UUID reportId = held.report().id();
    ReportSnapshot latest = reports.snapshot(reportId);
    String processInstanceId = processes.processOf(reportId).orElseThrow();
    if (approve) {
      approval.approve(new StageApproval.Context(held, latest, reports.unitContentHash(latest.content()),
          user.username(), processInstanceId));
    }
    engine.complete(task.id(), processInstanceId, step.outcome(), returnTo, comment, user.username());
    Stage to = processes.stages(List.of(reportId)).get(reportId);
    events.publishEvent(new LifecycleEvents.StepCompleted(reportId, task.id(), stage, to, step.outcome(), comment,
        latest.version().version(), latest.version().contentHash(), user.username()));
    return new Transition(reportId, stage, to, step.outcome());
  }
}
