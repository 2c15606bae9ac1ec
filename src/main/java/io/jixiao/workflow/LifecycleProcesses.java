package io.jixiao.workflow;

import io.jixiao.report.Stage;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which engine process carries each package ({@code jixiao.lifecycle_process}) and whether it has
 * ended; with the task projection this gives any package's stage in one query of our own tables.
 */
@Component
class LifecycleProcesses {

  private final JdbcClient jdbc;

  LifecycleProcesses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The package's current process: a correction replaces the ended one. */
  void attach(UUID reportId, String processInstanceId) {
    jdbc.sql("""
        insert into jixiao.lifecycle_process (report_id, process_instance_id) values (:r, :p)
        on conflict (report_id) do update
          set process_instance_id = excluded.process_instance_id, started_at = now(), ended_at = null
        """).param("r", reportId).param("p", processInstanceId).update();
  }

  Optional<String> processOf(UUID reportId) {
    return jdbc.sql("select process_instance_id from jixiao.lifecycle_process where report_id = :r")
        .param("r", reportId).query(String.class).optional();
  }

  /** Called from the engine's event inside its transaction when a process reaches its end event. */
  void ended(String processInstanceId) {
    jdbc.sql("update jixiao.lifecycle_process set ended_at = now() where process_instance_id = :p")
        .param("p", processInstanceId).update();
  }

  /** Stage per package: its open task's, else PUBLISHED once its process ended. */
  Map<UUID, Stage> stages(Collection<UUID> reportIds) {
    Map<UUID, Stage> stages = new HashMap<>();
    if (reportIds.isEmpty()) {
      return stages;
    }
    jdbc.sql("""
        select p.report_id, t.stage, p.ended_at is not null as ended
          from jixiao.lifecycle_process p left join jixiao.open_task t on t.report_id = p.report_id
         where p.report_id = any(:ids)
        """).param("ids", reportIds.toArray(UUID[]::new))
        .query((rs, n) -> {
          String stage = rs.getString("stage");
          stages.put(rs.getObject("report_id", UUID.class),
              stage != null ? Stage.valueOf(stage) : rs.getBoolean("ended") ? Stage.PUBLISHED : Stage.DRAFT);
          return null;
        }).list();
    return stages;
  }
}
