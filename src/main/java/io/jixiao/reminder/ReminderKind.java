package io.jixiao.reminder;

/** 催办 before the due date, 逾期 once the task is overdue. */
public enum ReminderKind {
  REMINDER,
  ESCALATION
}
