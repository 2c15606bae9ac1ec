package io.jixiao.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.audit.AuditEvent;
import io.jixiao.audit.AuditTrail;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.security.CurrentUser;
import io.jixiao.web.Problems;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审核指导意见: reviewers' comments on the whole package, a section or a row of the version they
 * read. The preparer sees them on return and marks each resolved.
 */
@Service
public class Guidance {

  /**
   * @param path null for the whole package, else a section or row path such as
   *             {@code narrative[performance]} or {@code overall.indicators[2]}
   */
  public record Comment(
      long id, int version, String stage, String path, String body, String author, OffsetDateTime createdAt,
      String resolvedBy, OffsetDateTime resolvedAt) {

    @JsonProperty("resolved")
    public boolean resolved() {
      return resolvedAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final ReportService reports;
  private final Lifecycle lifecycle;
  private final AuditTrail trail;
  private final CurrentUser user;

  Guidance(JdbcClient jdbc, ReportService reports, Lifecycle lifecycle, AuditTrail trail, CurrentUser user) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.trail = trail;
    this.user = user;
  }

  @Transactional
  public Comment add(UUID reportId, String path, String body) {
    Report report = reports.lock(reportId);
    Stage stage = lifecycle.stageOf(report);
    lifecycle.require(stage, Action.COMMENT);
    long id = jdbc.sql("""
        insert into jixiao.review_comment (report_id, version, stage, path, body, author)
        values (:r, :v, :s, :p, :b, :a) returning id
        """)
        .param("r", reportId).param("v", report.latestVersion()).param("s", stage.name())
        .param("p", path == null || path.isBlank() ? null : path).param("b", body).param("a", user.username())
        .query(Long.class).single();
    trail.record(AuditEvent.of(reportId, user.username(), AuditEvent.Kind.COMMENTED)
        .stages(stage.name(), stage.name()).outcome(null, (path == null ? "" : "[" + path + "] ") + body)
        .content(report.latestVersion(), null));
    return find(reportId, id);
  }

  @Transactional
  public Comment resolve(UUID reportId, long commentId) {
    Report report = reports.lock(reportId);
    Stage stage = lifecycle.stageOf(report);
    lifecycle.require(stage, Action.EDIT);
    int updated = jdbc.sql("""
        update jixiao.review_comment set resolved_by = :u, resolved_at = now()
         where id = :id and report_id = :r and resolved_at is null
        """).param("u", user.username()).param("id", commentId).param("r", reportId).update();
    Comment comment = find(reportId, commentId);
    if (updated == 1) {
      trail.record(AuditEvent.of(reportId, user.username(), AuditEvent.Kind.COMMENT_RESOLVED)
          .stages(stage.name(), stage.name()).outcome(null, "#" + commentId));
    }
    return comment;
  }

  public List<Comment> list(UUID reportId) {
    reports.find(reportId);
    return jdbc.sql("""
        select id, version, stage, path, body, author, created_at, resolved_by, resolved_at
          from jixiao.review_comment where report_id = :r order by id
        """).param("r", reportId).query(Comment.class).list();
  }

  private Comment find(UUID reportId, long id) {
    return jdbc.sql("""
        select id, version, stage, path, body, author, created_at, resolved_by, resolved_at
          from jixiao.review_comment where report_id = :r and id = :id
        """).param("r", reportId).param("id", id).query(Comment.class).optional()
        .orElseThrow(() -> Problems.notFound("意见 " + id + " 不存在"));
  }
}
