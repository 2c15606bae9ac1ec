package io.jixiao.workflow;

import io.jixiao.cycle.CycleRepository;
import io.jixiao.report.Report;
import io.jixiao.report.ReportEvents;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.InvalidInput;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A package's lifecycle begins when it is created, and again when a published package is corrected (更正). */
@Service
public class StartLifecycle {

  private final ReportService reports;
  private final CycleRepository cycles;
  private final LifecycleEngine engine;
  private final PackageStages stages;
  private final CurrentUser user;
  private final ApplicationEventPublisher events;

  StartLifecycle(ReportService reports, CycleRepository cycles, LifecycleEngine engine, PackageStages stages,
      CurrentUser user, ApplicationEventPublisher events) {
    this.reports = reports;
    this.cycles = cycles;
    this.engine = engine;
    this.stages = stages;
    this.user = user;
    this.events = events;
  }

  /** A new package starts in DRAFT, in the transaction that created it. */
  @EventListener
  void created(ReportEvents.Created created) {
    start(reports.find(created.reportId()), created.createdBy());
  }

  /**
   * 更正: a published package goes through the whole lifecycle again, as new versions of the same
   * package. What was published stays published (and recorded) until the correction is.
   */
  @Transactional
  public Stage correct(UUID reportId, String reason) {
    Report report = reports.lock(reportId);
    if (stages.stageOf(report) != Stage.PUBLISHED) {
      throw new Conflict("not-published", "只有已公开的报告可以发起更正");
    }
    if (!Permissions.mayOpen(user.rolesIn(report.unitCode()))) {
      throw new Forbidden("只有本单位的填表人或管理员可以发起更正");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInput("发起更正必须说明原因");
    }
    start(report, user.username());
    events.publishEvent(new LifecycleEvents.CorrectionStarted(reportId, reason.trim(), user.username()));
    return Stage.DRAFT;
  }

  private void start(Report report, String username) {
    engine.start(report, cycles.find(report.cycleId()).orElseThrow(), username);
  }
}
