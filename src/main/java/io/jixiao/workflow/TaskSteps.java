package io.jixiao.workflow;

import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.StaleVersion;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step on a task does first, in the step's transaction: find the task among those the
 * caller may see, take the package's row lock (so steps and saves on one package happen one at a
 * time), re-read it under the lock, and check role, holder and version.
 */
@Component
class TaskSteps {

  /** A task and its package, locked for the rest of the transaction. */
  record Held(OpenTask task, Report report) {
    Stage stage() {
      return task.stage();
    }
  }

  private final OpenTasks openTasks;
  private final ReportService reports;
  private final LifecycleEngine engine;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  TaskSteps(OpenTasks openTasks, ReportService reports, LifecycleEngine engine, CurrentUser user,
      ApplicationEventPublisher events) {
    this.openTasks = openTasks;
    this.reports = reports;
    this.engine = engine;
    this.user = user;
    this.events = events;
  }

  Held lock(String taskId) {
    OpenTask task = visible(taskId);
    Report report = reports.lock(task.reportId());
    // Re-read under the lock: a concurrent step may have completed or claimed it meanwhile.
    return new Held(visible(taskId), report);
  }

  /** 403 unless the caller's role in the task's unit allows the action at its stage. */
  void requireRole(OpenTask task, Action action) {
    if (!Permissions.allows(user.rolesIn(task.unitCode()), task.stage(), action)) {
      throw new StageForbids(task.stage(), action);
    }
  }

  /** The caller holds the task, claiming it first if nobody does and {@code claimIfFree}. */
  OpenTask requireHolder(Held held, boolean claimIfFree) {
    OpenTask task = held.task();
    if (task.assignee() == null) {
      if (!claimIfFree) {
        throw NotHolder.claimFirst();
      }
      return claim(held);
    }
    if (!task.assignee().equals(user.username())) {
      throw NotHolder.heldBy(task.assignee());
    }
    return task;
  }

  /** Claims a free task for the caller (role already checked). */
  OpenTask claim(Held held) {
    OpenTask task = held.task();
    engine.claim(task.id(), user.username());
    events.publishEvent(new LifecycleEvents.TaskClaimed(task.reportId(), task.id(), task.stage(), user.username()));
    return openTasks.find(task.id()).orElseThrow();
  }

  /**
   * The step names the version the user saw; it must still be the latest, or they would act on
   * content they have not read. Null only where the step does not act on content (a claim, a return).
   */
  void requireVersion(Report report, Integer seen, boolean required) {
    if (seen == null) {
      if (required) {
        throw new VersionRequired();
      }
      return;
    }
    if (seen != report.latestVersion()) {
      throw StaleVersion.ofStep(report.latestVersion(), seen);
    }
  }

  /** The open task of a package the caller may see; another unit's task is not found, a finished one a conflict. */
  OpenTask visible(String taskId) {
    OpenTask task = openTasks.find(taskId).orElseThrow(() -> {
      boolean visible = engine.reportOfFinishedTask(taskId).flatMap(reports::findVisible).isPresent();
      return visible ? new Conflict("already-completed", "该任务已办理完毕") : new NotFound("任务 " + taskId + " 不存在");
    });
    if (!user.unitScope().includes(task.unitCode())) {
      throw new NotFound("任务 " + taskId + " 不存在");
    }
    return task;
  }
}
