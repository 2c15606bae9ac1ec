package io.jixiao.reminder;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notifications (站内通知) of one recipient: only ever read or marked by that recipient. */
@Repository
public class Notifications {

  /** A list shows at most this many, newest first. */
  public static final int LIMIT = 100;

  public record Notification(long id, ReminderKind kind, UUID reportId, String stage, String subject, String body,
      String link, OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean read() {
      return readAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Notifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The recipient's newest notifications. */
  public List<Notification> of(String recipient) {
    return jdbc.sql("""
        select n.id, r.kind, r.report_id, r.stage, n.subject, n.body, n.link, n.created_at, n.read_at
          from jixiao.notification n join jixiao.reminder r on r.id = n.reminder_id
         where n.recipient = :recipient order by n.id desc limit :limit
        """).param("recipient", recipient).param("limit", LIMIT).query(Notification.class).list();
  }

  public int unread(String recipient) {
    return jdbc.sql("select count(*) from jixiao.notification where recipient = :recipient and read_at is null")
        .param("recipient", recipient).query(Integer.class).single();
  }

  /** Marks the recipient's notification read (again: no change); false if they have no such notification. */
  public boolean markRead(long id, String recipient) {
    int changed = jdbc.sql("""
        update jixiao.notification set read_at = coalesce(read_at, :now) where id = :id and recipient = :recipient
        """).param("now", Timestamp.from(clock.instant())).param("id", id).param("recipient", recipient).update();
    return changed == 1;
  }

  /** One of the recipient's notifications. */
  public java.util.Optional<Notification> find(long id, String recipient) {
    return jdbc.sql("""
        select n.id, r.kind, r.report_id, r.stage, n.subject, n.body, n.link, n.created_at, n.read_at
          from jixiao.notification n join jixiao.reminder r on r.id = n.reminder_id
         where n.id = :id and n.recipient = :recipient
        """).param("id", id).param("recipient", recipient).query(Notification.class).optional();
  }
}
