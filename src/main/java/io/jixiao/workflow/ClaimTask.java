package io.jixiao.workflow;

import io.jixiao.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 领取 and 释放: taking a task from the queue, and giving it back. */
@Service
public class ClaimTask {

  private final TaskSteps steps;
  private final OpenTasks openTasks;
  private final LifecycleEngine engine;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  ClaimTask(TaskSteps steps, OpenTasks openTasks, LifecycleEngine engine, CurrentUser user,
      ApplicationEventPublisher events) {
    this.steps = steps;
    this.openTasks = openTasks;
    this.engine = engine;
    this.user = user;
    this.events = events;
  }

  /**
   * Claims the task for the caller; claiming one's own task again changes nothing.
   *
   * @param seenVersion the package version the caller saw, if they saw one: a newer one is a 409
   */
  @Transactional
  public OpenTask claim(String taskId, Integer seenVersion) {
    TaskSteps.Held held = steps.lock(taskId);
    OpenTask task = held.task();
    steps.requireRole(task, Action.CLAIM);
    if (task.assignee() != null) {
      if (task.assignee().equals(user.username())) {
        return task;
      }
      throw NotHolder.alreadyClaimed(task.assignee());
    }
    steps.requireVersion(held.report(), seenVersion, false);
    return steps.claim(held);
  }

  /** Releases the task: by its holder, or by whoever may reassign it. */
  @Transactional
  public OpenTask release(String taskId) {
    TaskSteps.Held held = steps.lock(taskId);
    OpenTask task = held.task();
    if (task.assignee() == null) {
      return task;
    }
    if (!task.assignee().equals(user.username())
        && !Permissions.allows(user.rolesIn(task.unitCode()), task.stage(), Action.REASSIGN)) {
      throw new NotHolderRelease(task.assignee());
    }
    engine.unclaim(task.id(), user.username());
    events.publishEvent(new LifecycleEvents.TaskReleased(task.reportId(), task.id(), task.stage(), user.username()));
    return openTasks.find(taskId).orElseThrow();
  }

  /** Only the holder or an administrator may release a held task. */
  static class NotHolderRelease extends io.jixiao.shared.Conflict {
    NotHolderRelease(String assignee) {
      super("held-by-other", "该任务由 " + assignee + " 持有，只有本人或管理员可以释放");
    }
  }
}
