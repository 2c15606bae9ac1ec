package io.jixiao.workflow;

import io.jixiao.cycle.CycleRepository;
import io.jixiao.cycle.PublicationDeadline;
import io.jixiao.form.ReportContent;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/** Where a package stands in its lifecycle, for the API and the pages. */
@Service
public class LifecycleQueries {

  private final OpenTasks openTasks;
  private final Signatures signatures;
  private final ReportService reports;
  private final CycleRepository cycles;
  private final Clock clock;

  LifecycleQueries(OpenTasks openTasks, Signatures signatures, ReportService reports, CycleRepository cycles,
      Clock clock) {
    this.openTasks = openTasks;
    this.signatures = signatures;
    this.reports = reports;
    this.cycles = cycles;
    this.clock = clock;
  }

  /** Where a package stands: stage, task, and what its signature, approval and publication cover. */
  public LifecycleState state(Report report) {
    return state(report, reports.unitContentHash(report.id(), report.latestVersion()));
  }

  /** As {@link #state(Report)}, for a caller that has the latest content already. */
  public LifecycleState state(Report report, ReportContent latest) {
    return state(report, reports.unitContentHash(latest));
  }

  private LifecycleState state(Report report, String unitHash) {
    var task = openTasks.forReport(report.id());
    Signatures.Latest latest = signatures.latest(report.id());
    Signature signature = latest.signature();
    return new LifecycleState(report.id(), reports.stageOf(report), task.map(OpenTask::id).orElse(null),
        task.map(OpenTask::assignee).orElse(null), task.map(OpenTask::due).orElse(null),
        report.latestVersion(), unitHash, signature, signature != null && signature.covers(unitHash),
        latest.approval(), latest.publication(), deadline(report, latest.approval(), latest.publication()));
  }

  /**
   * The deadline set by the latest approval; the publication counts if it followed that approval (a
   * correction re-approved and not yet published again is judged against today).
   */
  private PublicationDeadline deadline(Report report, Approval approval, Publication publication) {
    if (approval == null) {
      return null;
    }
    int days = cycles.find(report.cycleId()).map(c -> c.publicationDays()).orElse(PublicationDeadline.DEFAULT_DAYS);
    OffsetDateTime published = publication != null && !publication.publishedAt().isBefore(approval.approvedAt())
        ? publication.publishedAt() : null;
    return PublicationDeadline.of(approval.approvedAt(), days, published,
        LocalDate.ofInstant(clock.instant(), PublicationDeadline.ZONE));
  }
}
