/**
 * 催办与逾期提醒 — reminders and escalations (issue 11). Each user task of the lifecycle carries two
 * non-interrupting Flowable boundary timers ({@code bpmn/report-lifecycle.bpmn20.xml}): a reminder a
 * cycle's number of days before the task's due date ({@link io.jixiao.reminder.ReminderSchedule}), and an
 * escalation once it is overdue. The engine's async executor runs them (locked in the database, so one
 * node runs each) and calls {@link io.jixiao.reminder.ReminderTimers}, which records the reminder once per
 * task and kind, notifies the assignee, or every candidate while the task is unclaimed (an escalation also
 * every administrator), in the app ({@link io.jixiao.reminder.Notifications}, the header's bell) and by mail
 * after the transaction commits. Owns {@code jixiao.reminder}, {@code notification}, {@code reminder_setting}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"workflow", "report", "cycle", "security", "shared", "web"})
package io.jixiao.reminder;
