package io.jixiao.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * When a task's timers fire, as the BPMN's boundary timers ask ({@code ${reminderSchedule.remindAt(draftDue,
 * reportId)}}): the reminder at 09:00 (China) the cycle's number of days before the due date, the escalation
 * at the first moment the task is overdue, 00:00 (China) of the day after it. A task without a due date
 * gets timers that never come (a timer must have a date).
 */
@Component("reminderSchedule")
public class ReminderSchedule {

  /** Days are counted in China's calendar, where the due dates are set. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  static final Date NEVER = Date.from(LocalDate.of(9999, 12, 31).atStartOfDay(ZONE).toInstant());

  private final ReminderSettings settings;

  ReminderSchedule(ReminderSettings settings) {
    this.settings = settings;
  }

  /** The reminder's time for a task due on {@code due} of the package {@code reportId}. */
  public Date remindAt(Object due, Object reportId) {
    LocalDate day = day(due);
    if (day == null) {
      return NEVER;
    }
    int days = settings.daysBefore(UUID.fromString(reportId.toString()));
    return remindAt(day, days);
  }

  /** The escalation's time for a task due on {@code due}. */
  public Date escalateAt(Object due) {
    LocalDate day = day(due);
    return day == null ? NEVER : escalateAt(day);
  }

  static Date remindAt(LocalDate due, int daysBefore) {
    return Date.from(due.minusDays(daysBefore).atTime(REMINDER_TIME).atZone(ZONE).toInstant());
  }

  static Date escalateAt(LocalDate due) {
    return Date.from(due.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /** The day of a due-date variable: a {@code java.sql.Date} of the JVM's zone, as the lifecycle sets it. */
  static LocalDate day(Object due) {
    if (due == null) {
      return null;
    }
    if (due instanceof LocalDate day) {
      return day;
    }
    if (due instanceof Date date) {
      return new java.sql.Date(date.getTime()).toLocalDate();
    }
    throw new IllegalArgumentException("not a due date: " + due.getClass().getName());
  }
}
