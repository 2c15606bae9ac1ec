package io.jixiao.reminder;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code jixiao.reminder_setting}: how many days before a due date a cycle's reminders go out. */
@Repository
public class ReminderSettings {

  /** A cycle without a setting of its own. */
  public static final int DEFAULT_DAYS_BEFORE = 3;

  /** A cycle's setting; version 0 while it has none of its own. */
  public record Setting(long cycleId, int daysBefore, int version) {}

  private final JdbcClient jdbc;

  ReminderSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int daysBefore(UUID reportId) {
    return jdbc.sql("""
        select coalesce(s.days_before, :default) from jixiao.report r
          left join jixiao.reminder_setting s on s.cycle_id = r.cycle_id
         where r.id = :id
        """).param("default", DEFAULT_DAYS_BEFORE).param("id", reportId)
        .query(Integer.class).optional().orElse(DEFAULT_DAYS_BEFORE);
  }

  public Setting of(long cycleId) {
    return jdbc.sql("select cycle_id, days_before, version from jixiao.reminder_setting where cycle_id = :id")
        .param("id", cycleId).query(Setting.class).optional()
        .orElse(new Setting(cycleId, DEFAULT_DAYS_BEFORE, 0));
  }

  /** Sets the days if the setting is still at {@code expectedVersion}; empty if it is not. */
  Optional<Setting> set(long cycleId, int daysBefore, int expectedVersion, String by) {
    if (expectedVersion == 0) {
      return jdbc.sql("""
          insert into jixiao.reminder_setting (cycle_id, days_before, updated_by) values (:id, :days, :by)
          on conflict (cycle_id) do nothing
          returning cycle_id, days_before, version
          """).param("id", cycleId).param("days", daysBefore).param("by", by).query(Setting.class).optional();
    }
    return jdbc.sql("""
        update jixiao.reminder_setting set days_before = :days, version = version + 1, updated_at = now(), updated_by = :by
         where cycle_id = :id and version = :version
        returning cycle_id, days_before, version
        """).param("id", cycleId).param("days", daysBefore).param("by", by).param("version", expectedVersion)
        .query(Setting.class).optional();
  }
}
