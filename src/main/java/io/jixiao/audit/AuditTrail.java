package io.jixiao.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of what happened to each package (a trigger refuses UPDATE and DELETE).
 * Entries are written in the caller's transaction: an action and its record commit or fail together.
 */
@Component
public class AuditTrail {

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEvent event) {
    jdbc.sql("""
        insert into jixiao.audit_event
          (report_id, actor, kind, stage_from, stage_to, outcome, comment, version, content_hash, task_id)
        values (:report, :actor, :kind, :from, :to, :outcome, :comment, :version, :hash, :task)
        """)
        .param("report", event.reportId()).param("actor", event.actor()).param("kind", event.kind().name())
        .param("from", event.stageFrom()).param("to", event.stageTo()).param("outcome", event.outcome())
        .param("comment", event.comment()).param("version", event.version()).param("hash", event.contentHash())
        .param("task", event.taskId())
        .update();
  }

  public List<AuditEvent.Recorded> history(UUID reportId) {
    return jdbc.sql("""
        select id, report_id, at, actor, kind, stage_from, stage_to, outcome, comment, version, content_hash, task_id
          from jixiao.audit_event where report_id = :report order by id
        """)
        .param("report", reportId).query(AuditEvent.Recorded.class).list();
  }
}
