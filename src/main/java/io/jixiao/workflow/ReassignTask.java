package io.jixiao.workflow;

import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.security.UserDirectory;
import io.jixiao.shared.Conflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 转办: an administrator hands a task to a colleague who holds the stage's role in the task's unit. */
@Service
public class ReassignTask {

  private final TaskSteps steps;
  private final OpenTasks openTasks;
  private final LifecycleEngine engine;
  private final UserDirectory directory;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  ReassignTask(TaskSteps steps, OpenTasks openTasks, LifecycleEngine engine, UserDirectory directory,
      CurrentUser user, ApplicationEventPublisher events) {
    this.steps = steps;
    this.openTasks = openTasks;
    this.engine = engine;
    this.directory = directory;
    this.user = user;
    this.events = events;
  }

  @Transactional
  public OpenTask reassign(String taskId, String assignee) {
    return reassign(steps.lock(taskId), assignee);
  }

  /**
   * As {@link #reassign(String, String)}, but only if the task is still as the administrator saw it (the
   * dashboard): held by {@code seenAssignee} (null: by nobody) and, if {@code seenVersion} is given, its
   * package still at that version — otherwise a 409 and nothing changes.
   */
  @Transactional
  public OpenTask reassign(String taskId, String assignee, String seenAssignee, Integer seenVersion) {
    TaskSteps.Held held = steps.lock(taskId);
    steps.requireRole(held.task(), Action.REASSIGN);
    String holder = held.task().assignee();
    if (!java.util.Objects.equals(holder, seenAssignee)) {
      throw new Conflict("task-changed", holder == null ? "该任务已被释放，请刷新后再转办"
          : "该任务现由 " + holder + " 持有，请刷新后再转办", java.util.Map.of("assignee", holder == null ? "" : holder));
    }
    steps.requireVersion(held.report(), seenVersion, false);
    return reassign(held, assignee);
  }

  private OpenTask reassign(TaskSteps.Held held, String assignee) {
    OpenTask task = held.task();
    steps.requireRole(task, Action.REASSIGN);
    Role role = task.stage().actor();
    if (!directory.mayHold(assignee, role, task.unitCode())) {
      throw new Conflict("not-eligible", assignee + " 不是 " + task.unitName() + " 的 " + role.realmRole()
          + "，不能接办该任务");
    }
    engine.assign(task.id(), assignee, user.username());
    events.publishEvent(new LifecycleEvents.TaskReassigned(task.reportId(), task.id(), task.stage(), assignee,
        user.username()));
    return openTasks.find(task.id()).orElseThrow();
  }
}
