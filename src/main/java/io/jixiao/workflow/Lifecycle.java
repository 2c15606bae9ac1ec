package io.jixiao.workflow;

import io.jixiao.audit.AuditEvent;
import io.jixiao.audit.AuditTrail;
import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.CycleRepository;
import io.jixiao.form.Evaluation;
import io.jixiao.form.Finding;
import io.jixiao.form.ReportContent;
import io.jixiao.form.ReviewScores;
import io.jixiao.form.Severity;
import io.jixiao.report.Report;
import io.jixiao.report.ReportEvents;
import io.jixiao.report.ReportService;
import io.jixiao.report.ReportSnapshot;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.web.Problems;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves packages through the BPMN lifecycle. Every step is checked against role × stage × unit,
 * takes the package's row lock so steps on one package happen one at a time, and is written to
 * the audit trail in the same transaction as the engine's change.
 */
@Service
public class Lifecycle {

  static final String PROCESS_KEY = "reportLifecycle";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final OpenTasks openTasks;
  private final ReportService reports;
  private final CycleRepository cycles;
  private final Signatures signatures;
  private final AuditTrail trail;
  private final CurrentUser user;
  private final WorkflowReportLifecycle stages;

  Lifecycle(RuntimeService runtime, TaskService tasks, HistoryService history, OpenTasks openTasks,
      ReportService reports, CycleRepository cycles, Signatures signatures, AuditTrail trail, CurrentUser user,
      WorkflowReportLifecycle stages) {
    this.stages = stages;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.openTasks = openTasks;
    this.reports = reports;
    this.cycles = cycles;
    this.signatures = signatures;
    this.trail = trail;
    this.user = user;
  }

  /** A new package starts its lifecycle in DRAFT, in the transaction that created it. */
  @EventListener
  void start(ReportEvents.Created created) {
    startProcess(reports.find(created.reportId()), created.createdBy());
  }

  /**
   * 更正: a published package goes through the whole lifecycle again, as new versions of the same
   * package. What was published stays published (and recorded) until the correction is.
   */
  @Transactional
  public Stage startCorrection(UUID reportId, String reason) {
    Report report = reports.lock(reportId);
    if (stageOf(report) != Stage.PUBLISHED) {
      throw Problems.conflict("not-published", "只有已公开的报告可以发起更正");
    }
    if (!user.has(Role.PREPARER) && !user.has(Role.ADMIN)) {
      throw Problems.forbidden("只有本单位的填表人或管理员可以发起更正");
    }
    if (reason == null || reason.isBlank()) {
      throw Problems.badRequest("发起更正必须说明原因");
    }
    startProcess(report, user.username());
    trail.record(AuditEvent.of(reportId, user.username(), AuditEvent.Kind.CORRECTION_STARTED)
        .stages(Stage.PUBLISHED.name(), Stage.DRAFT.name()).outcome(null, reason.trim()));
    return Stage.DRAFT;
  }

  private void startProcess(Report report, String username) {
    Cycle cycle = cycles.find(report.cycleId()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put("reportId", report.id().toString());
    variables.put("unitCode", report.unitCode());
    variables.put("year", report.year());
    variables.put("draftDue", date(cycle.draftDue()));
    variables.put("signDue", date(cycle.signDue()));
    variables.put("guidanceDue", date(cycle.guidanceDue()));
    variables.put("reviewDue", date(cycle.reviewDue()));
    variables.put("publishDue", date(cycle.publishDue()));
    variables.put("outcome", null);
    variables.put("returnTo", null);
    String processInstanceId = EngineUser.as(username, () -> runtime
        .startProcessInstanceByKey(PROCESS_KEY, report.id().toString(), variables).getId());
    reports.attachProcess(report.id(), processInstanceId);
  }


  /** The stage a package is in, from the engine: its open task, or PUBLISHED once the process has ended. */
  public Stage stageOf(Report report) {
    return stages.stage(report);
  }

  /** Where a package stands: stage, task, and what its signature, approval and publication cover. */
  public LifecycleState state(Report report) {
    return state(report, reports.content(report.id(), report.latestVersion()));
  }

  /** As {@link #state(Report)}, for a caller that has the latest content already. */
  public LifecycleState state(Report report, ReportContent latest) {
    var task = openTasks.forReport(report.id());
    String unitHash = reports.unitContentHash(latest);
    var signature = signatures.latestSignature(report.id());
    return new LifecycleState(report.id(), stageOf(report), task.map(OpenTask::id).orElse(null),
        task.map(OpenTask::assignee).orElse(null), task.map(OpenTask::due).orElse(null),
        report.latestVersion(), unitHash, signature.orElse(null),
        signature.map(s -> s.contentHash().trim().equals(unitHash)).orElse(false),
        signatures.latestApproval(report.id()).orElse(null), signatures.latestPublication(report.id()).orElse(null));
  }

  @Transactional
  public OpenTask claim(String taskId) {
    OpenTask task = visibleTask(taskId);
    reports.lock(task.reportId());
    task = visibleTask(taskId);
    require(task.stage(), Action.CLAIM);
    if (task.assignee() != null) {
      if (task.assignee().equals(user.username())) {
        return task;
      }
      throw Problems.conflict("already-claimed", "该任务已被 " + task.assignee() + " 领取");
    }
    String taskToClaim = taskId;
    EngineUser.run(user.username(), () -> tasks.claim(taskToClaim, user.username()));
    trail.record(AuditEvent.of(task.reportId(), user.username(), AuditEvent.Kind.CLAIMED)
        .stages(task.stage().name(), task.stage().name()).task(taskId));
    return openTasks.find(taskId).orElseThrow();
  }

  @Transactional
  public OpenTask unclaim(String taskId) {
    OpenTask task = visibleTask(taskId);
    reports.lock(task.reportId());
    task = visibleTask(taskId);
    if (task.assignee() == null) {
      return task;
    }
    if (!task.assignee().equals(user.username()) && !user.has(Role.ADMIN)) {
      throw Problems.conflict("held-by-other", "该任务由 " + task.assignee() + " 持有，只有本人或管理员可以释放");
    }
    EngineUser.run(user.username(), () -> tasks.unclaim(taskId));
    trail.record(AuditEvent.of(task.reportId(), user.username(), AuditEvent.Kind.UNCLAIMED)
        .stages(task.stage().name(), task.stage().name()).task(taskId));
    return openTasks.find(taskId).orElseThrow();
  }

  /** An administrator hands a task to someone (e.g. a colleague covering an absence). */
  @Transactional
  public OpenTask reassign(String taskId, String assignee) {
    OpenTask task = visibleTask(taskId);
    reports.lock(task.reportId());
    require(task.stage(), Action.REASSIGN);
    EngineUser.run(user.username(), () -> tasks.setAssignee(taskId, assignee));
    trail.record(AuditEvent.of(task.reportId(), user.username(), AuditEvent.Kind.REASSIGNED)
        .stages(task.stage().name(), task.stage().name()).outcome(null, "→ " + assignee).task(taskId));
    return openTasks.find(taskId).orElseThrow();
  }

  public record Transition(UUID reportId, Stage from, Stage to, Outcome outcome) {}

  /**
   * Completes a task the caller holds. Submitting needs a package without errors and with its
   * warnings acknowledged; signing records a signature over the exact content; later approvals
   * need that signature to still match the content.
   */
  @Transactional
  public Transition complete(String taskId, Outcome outcome, String reason, Stage returnTo) {
    String comment = reason == null || reason.isBlank() ? null : reason.trim();
    OpenTask task = visibleTask(taskId);
    Report report = reports.lock(task.reportId());
    task = visibleTask(taskId); // re-read under the lock: a concurrent completion has removed it
    Stage stage = task.stage();
    require(stage, Action.of(stage, outcome));
    if (!user.username().equals(task.assignee())) {
      throw Problems.conflict("claim-first", task.assignee() == null
          ? "请先领取该任务再办理" : "该任务由 " + task.assignee() + " 持有");
    }
    if (outcome == Outcome.RETURN && comment == null) {
      throw Problems.badRequest("退回必须填写原因 (a return needs a reason)");
    }
    if (returnTo != null && !(stage == Stage.FINANCE_REVIEW && outcome == Outcome.RETURN
        && (returnTo == Stage.DRAFT || returnTo == Stage.BUREAU_GUIDANCE))) {
      throw Problems.badRequest("只有财政复核退回时可以选择退回到填报 (DRAFT) 或主管部门 (BUREAU_GUIDANCE)");
    }
    ReportSnapshot latest = reports.snapshot(report.id());
    if (outcome == Outcome.APPROVE) {
      approveChecks(stage, latest);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("returnTo", returnTo == null ? null : returnTo.name());
    String processInstanceId = report.processInstanceId();
    EngineUser.run(user.username(), () -> {
      if (comment != null) {
        tasks.addComment(taskId, processInstanceId, comment);
      }
      tasks.complete(taskId, variables);
    });
    Stage to = stageOf(report);
    int version = latest.version().version();
    trail.record(AuditEvent.of(report.id(), user.username(), AuditEvent.Kind.TRANSITION)
        .stages(stage.name(), to.name()).outcome(outcome.name(), comment)
        .content(version, latest.version().contentHash()).task(taskId));
    return new Transition(report.id(), stage, to, outcome);
  }

  private void approveChecks(Stage stage, ReportSnapshot latest) {
    UUID id = latest.report().id();
    int version = latest.version().version();
    String contentHash = latest.version().contentHash();
    String unitHash = reports.unitContentHash(latest.content());
    switch (stage) {
      case DRAFT -> submittable(latest.evaluation(), latest.content().acknowledgements().stream()
          .map(a -> a.findingKey()).collect(Collectors.toSet()));
      case UNIT_SIGN -> {
        signatures.sign(id, version, unitHash, user.username());
        trail.record(AuditEvent.of(id, user.username(), AuditEvent.Kind.SIGNED).stages(stage.name(), stage.name())
            .content(version, unitHash));
      }
      case BUREAU_GUIDANCE -> signatures.requireValid(id, version, unitHash);
      case FINANCE_REVIEW -> {
        signatures.requireValid(id, version, unitHash);
        signatures.approve(id, version, contentHash, user.username());
        trail.record(AuditEvent.of(id, user.username(), AuditEvent.Kind.APPROVED).stages(stage.name(), stage.name())
            .content(version, contentHash));
      }
      case DISCLOSURE -> {
        signatures.publish(id, version, contentHash, user.username());
        trail.record(AuditEvent.of(id, user.username(), AuditEvent.Kind.PUBLISHED).stages(stage.name(), stage.name())
            .content(version, contentHash));
      }
      case PUBLISHED -> throw new IllegalStateException("no task once published");
    }
  }

  private static void submittable(Evaluation evaluation, Set<String> acknowledged) {
    List<Finding> errors = evaluation.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    List<Finding> unacknowledged = evaluation.findings().stream()
        .filter(f -> f.severity() == Severity.WARNING && !acknowledged.contains(f.key())).toList();
    if (!errors.isEmpty() || !unacknowledged.isEmpty()) {
      throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "not-submittable", "尚不能提交 Not submittable",
          errors.isEmpty()
              ? "还有 " + unacknowledged.size() + " 条提醒未确认"
              : "还有 " + errors.size() + " 个错误须先改正" + (unacknowledged.isEmpty() ? "" : "，" + unacknowledged.size() + " 条提醒未确认"),
          Map.of("errors", errors, "unacknowledgedWarnings", unacknowledged));
    }
  }

  /** Finance's 复核得分, by row path, saved as a new version during FINANCE_REVIEW by the task's holder. */
  @Transactional
  public Report enterReviewScores(UUID reportId, Map<String, BigDecimal> scores) {
    Report report = reports.lock(reportId);
    if (!Permissions.allows(user.roles(), Stage.FINANCE_REVIEW, Action.SCORE)) {
      throw Problems.forbidden("只有财政复核人可以录入复核得分");
    }
    OpenTask task = openTasks.forReport(reportId)
        .orElseThrow(() -> Problems.conflict("wrong-stage", "该报告当前不在财政复核阶段"));
    require(task.stage(), Action.SCORE);
    if (!user.username().equals(task.assignee())) {
      throw Problems.conflict("claim-first", "请先领取财政复核任务再录入复核得分");
    }
    Report revised;
    try {
      revised = reports.revise(report.id(), content -> ReviewScores.apply(content, scores));
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest(e.getMessage());
    }
    trail.record(AuditEvent.of(reportId, user.username(), AuditEvent.Kind.REVIEW_SCORED)
        .stages(task.stage().name(), task.stage().name())
        .content(revised.latestVersion(), null));
    return revised;
  }

  /** The open task of a package the caller may see; another unit's task is not found. */
  OpenTask visibleTask(String taskId) {
    OpenTask task = openTasks.find(taskId).orElseThrow(() -> {
      // A finished task of a package the caller may see is a conflict; anything else is not found,
      // so task ids do not reveal other units' packages.
      var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      boolean visible = done != null && reports.unitOfProcess(done.getProcessInstanceId())
          .map(unit -> user.unitScope().includes(unit)).orElse(false);
      return visible
          ? Problems.conflict("already-completed", "该任务已办理完毕")
          : Problems.notFound("任务 " + taskId + " 不存在");
    });
    if (!user.unitScope().includes(task.unitCode())) {
      throw Problems.notFound("任务 " + taskId + " 不存在");
    }
    return task;
  }

  /** 403 unless one of the caller's roles may take this action at this stage. */
  void require(Stage stage, Action action) {
    if (!Permissions.allows(user.roles(), stage, action)) {
      throw Problems.forbidden("您的角色不能在" + stage + "阶段执行 " + action);
    }
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
