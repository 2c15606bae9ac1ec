package io.jixiao.reminder;

import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.ProcessVariables;
import java.util.UUID;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * What the lifecycle's boundary timers call ({@code flowable:delegateExpression="${reminderTimers}"}),
 * inside the timer job's transaction: the task still open on the package is the one whose timer fired
 * (a completed task's timers are deleted with it).
 */
@Component("reminderTimers")
class ReminderTimers implements JavaDelegate {

  /** The service tasks the reminder and the escalation timers lead to. */
  static final String SEND_REMINDER = "sendReminder";
  static final String SEND_ESCALATION = "sendEscalation";

  private final OpenTasks openTasks;
  private final Reminders reminders;

  ReminderTimers(OpenTasks openTasks, Reminders reminders) {
    this.openTasks = openTasks;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReminderKind kind = SEND_ESCALATION.equals(execution.getCurrentActivityId())
        ? ReminderKind.ESCALATION : ReminderKind.REMINDER;
    UUID reportId = UUID.fromString(String.valueOf(execution.getVariable(ProcessVariables.REPORT_ID)));
    openTasks.forReport(reportId).ifPresent(task -> reminders.fire(task, kind));
  }
}
