package io.jixiao.workflow;

import io.jixiao.form.ReviewScores;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.InvalidInput;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 复核得分: finance's scores by row path, saved as a new version during FINANCE_REVIEW by the task's holder. */
@Service
public class EnterReviewScores {

  private final TaskSteps steps;
  private final OpenTasks openTasks;
  private final ReportService reports;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  EnterReviewScores(TaskSteps steps, OpenTasks openTasks, ReportService reports, CurrentUser user,
      ApplicationEventPublisher events) {
    this.steps = steps;
    this.openTasks = openTasks;
    this.reports = reports;
    this.user = user;
    this.events = events;
  }

  /**
   * @param seenVersion the version the reviewer scored; a newer one is a 409
   * @param claimIfFree the page claims a free review task in the same transaction
   */
  @Transactional
  public Report enter(UUID reportId, Map<String, BigDecimal> scores, Integer seenVersion, boolean claimIfFree) {
    Report report = reports.lock(reportId);
    if (!Permissions.allows(user.rolesIn(report.unitCode()), Stage.FINANCE_REVIEW, Action.SCORE)) {
      throw new StageForbids("只有财政复核人可以录入复核得分");
    }
    OpenTask task = openTasks.forReport(reportId)
        .orElseThrow(() -> new Conflict("wrong-stage", "该报告当前不在财政复核阶段"));
    TaskSteps.Held held = steps.lock(task.id());
    steps.requireRole(held.task(), Action.SCORE);
    steps.requireHolder(held, claimIfFree);
    steps.requireVersion(held.report(), seenVersion, false);
    Report revised;
    try {
      revised = reports.revise(reportId, content -> ReviewScores.apply(content, scores));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    events.publishEvent(new LifecycleEvents.ReviewScored(reportId, held.stage(), revised.latestVersion(),
        user.username()));
    return revised;
  }
}
