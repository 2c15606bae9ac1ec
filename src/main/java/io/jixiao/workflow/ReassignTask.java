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
    TaskSteps.Held held = steps.lock(taskId);
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
    return openTasks.find(taskId).orElseThrow();
  }
}
