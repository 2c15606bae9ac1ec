package io.jixiao.reminder;

import io.jixiao.security.Role;
import io.jixiao.security.UserDirectory;
import io.jixiao.workflow.OpenTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires one reminder or escalation for an open task: records it once per task and kind (a second run —
 * the same job again, or on another node — finds the record and does nothing), writes a notification
 * for each recipient and hands their mails to {@link ReminderMail}, sent once the transaction commits.
 */
@Service
public class Reminders {

  private final JdbcClient jdbc;
  private final UserDirectory directory;
  private final ReminderMail mail;
  private final Clock clock;
  private final String baseUrl;

  Reminders(JdbcClient jdbc, UserDirectory directory, ReminderMail mail, Clock clock,
      @Value("${jixiao.reminders.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.mail = mail;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Fires {@code kind} for {@code task}; false if it had fired before, or is a reminder of a task already
   * overdue (its escalation says more).
   */
  @Transactional
  public boolean fire(OpenTask task, ReminderKind kind) {
    Instant now = clock.instant();
    LocalDate due = task.due() == null ? null
        : task.due().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate(); // as the lifecycle set it
    if (kind == ReminderKind.REMINDER && due != null && !now.isBefore(ReminderSchedule.escalateAt(due).toInstant())) {
      return false;
    }
    Optional<Long> recorded = jdbc.sql("""
        insert into jixiao.reminder (task_id, kind, report_id, stage, due_date, fired_at)
        values (:task, :kind, :report, :stage, :due, :at)
        on conflict (task_id, kind) do nothing
        returning id
        """)
        .param("task", task.id()).param("kind", kind.name()).param("report", task.reportId())
        .param("stage", task.stage().name()).param("due", due).param("at", Timestamp.from(now))
        .query(Long.class).optional();
    if (recorded.isEmpty()) {
      return false;
    }
    boolean claimed = task.assignee() != null;
    List<String> holders = claimed ? List.of(task.assignee()) : directory.eligible(task.stage().actor(), task.unitCode());
    Set<String> recipients = new LinkedHashSet<>(holders);
    if (kind == ReminderKind.ESCALATION) {
      recipients.addAll(directory.eligible(Role.ADMIN, null));
    }
    String link = "/reports/" + task.reportId();
    LocalDate today = LocalDate.ofInstant(now, ReminderSchedule.ZONE);
    ReminderMessages.Message message = ReminderMessages.of(kind, task, due == null ? today : due, today, holders,
        claimed, baseUrl + link);
    List<Long> notifications = new ArrayList<>();
    for (String recipient : recipients) {
      String email = directory.email(recipient).orElse(null);
      jdbc.sql("""
          insert into jixiao.notification (reminder_id, recipient, email, subject, body, link, created_at)
          values (:reminder, :recipient, :email, :subject, :body, :link, :at)
          on conflict (reminder_id, recipient) do nothing
          returning id
          """)
          .param("reminder", recorded.get()).param("recipient", recipient).param("email", email)
          .param("subject", message.subject()).param("body", message.body()).param("link", link)
          .param("at", Timestamp.from(now))
          .query(Long.class).optional().ifPresent(notifications::add);
    }
    mail.sendAfterCommit(notifications);
    return true;
  }
}
