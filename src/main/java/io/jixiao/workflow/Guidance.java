package io.jixiao.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.form.CommentTargets;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.InvalidInput;
import io.jixiao.shared.NotFound;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审核指导意见: reviewers' comments on the whole package, a section or a row of the version they
 * read — written only by the holder of the stage's task — and marked resolved by the holder of the
 * draft once the package is back with the preparer.
 */
@Service
public class Guidance {

  /**
   * @param path null for the whole package, else a section or row path such as
   *             {@code narrative[performance]} or {@code overall.indicators[2]}
   */
  public record Comment(
      long id, int version, Stage stage, String path, String body, String author, OffsetDateTime createdAt,
      String resolvedBy, OffsetDateTime resolvedAt) {

    @JsonProperty("resolved")
    public boolean resolved() {
      return resolvedAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final ReportService reports;
  private final OpenTasks openTasks;
  private final TaskSteps steps;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  Guidance(JdbcClient jdbc, ReportService reports, OpenTasks openTasks, TaskSteps steps, CurrentUser user,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.openTasks = openTasks;
    this.steps = steps;
    this.user = user;
    this.events = events;
  }

  /** @param claimIfFree the page claims a free review task in the same transaction */
  @Transactional
  public Comment add(UUID reportId, String path, String body, boolean claimIfFree) {
    String target = path == null || path.isBlank() ? null : path.strip();
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidInput("意见不能为空");
    }
    TaskSteps.Held held = holdStage(reportId, Action.COMMENT, claimIfFree);
    Report report = held.report();
    if (target != null && !CommentTargets.exists(reports.content(reportId, report.latestVersion()), target)) {
      throw new InvalidInput("意见所指的位置 " + target + " 在第 " + report.latestVersion() + " 版中不存在");
    }
    long id = jdbc.sql("""
        insert into jixiao.review_comment (report_id, version, stage, path, body, author)
        values (:r, :v, :s, :p, :b, :a) returning id
        """)
        .param("r", reportId).param("v", report.latestVersion()).param("s", held.stage().name())
        .param("p", target).param("b", text).param("a", user.username())
        .query(Long.class).single();
    events.publishEvent(new LifecycleEvents.Commented(reportId, held.stage(), report.latestVersion(), target, text,
        user.username()));
    return find(reportId, id);
  }

  @Transactional
  public Comment resolve(UUID reportId, long commentId, boolean claimIfFree) {
    TaskSteps.Held held = holdStage(reportId, Action.EDIT, claimIfFree);
    Comment comment = find(reportId, commentId);
    if (comment.resolved()) {
      return comment;
    }
    jdbc.sql("update jixiao.review_comment set resolved_by = :u, resolved_at = now() where id = :id and resolved_at is null")
        .param("u", user.username()).param("id", commentId).update();
    events.publishEvent(new LifecycleEvents.CommentResolved(reportId, held.stage(), commentId, user.username()));
    return find(reportId, commentId);
  }

  public List<Comment> list(UUID reportId) {
    reports.find(reportId);
    return jdbc.sql("""
        select id, version, stage, path, body, author, created_at, resolved_by, resolved_at
          from jixiao.review_comment where report_id = :r order by id
        """).param("r", reportId).query(Comment.class).list();
  }

  /** The package's open task, held by the caller (claimed now if free and asked), whose role allows the action. */
  private TaskSteps.Held holdStage(UUID reportId, Action action, boolean claimIfFree) {
    Report report = reports.lock(reportId);
    Stage stage = reports.stageOf(report);
    if (!Permissions.allows(user.rolesIn(report.unitCode()), stage, action)) {
      throw new StageForbids(stage, action);
    }
    OpenTask task = openTasks.forReport(reportId)
        .orElseThrow(() -> new Conflict("no-task", "该报告当前没有待办任务"));
    TaskSteps.Held held = steps.lock(task.id());
    steps.requireRole(held.task(), action);
    steps.requireHolder(held, claimIfFree);
    return held;
  }

  private Comment find(UUID reportId, long id) {
    return jdbc.sql("""
        select id, version, stage, path, body, author, created_at, resolved_by, resolved_at
          from jixiao.review_comment where report_id = :r and id = :id
        """).param("r", reportId).param("id", id).query(Comment.class).optional()
        .orElseThrow(() -> new NotFound("意见 " + id + " 不存在"));
  }
}
