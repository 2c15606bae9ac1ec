package io.jixiao.workflow;

import io.jixiao.form.ReportContent;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import org.springframework.stereotype.Service;

/** Where a package stands in its lifecycle, for the API and the pages. */
@Service
public class LifecycleQueries {

  private final OpenTasks openTasks;
  private final Signatures signatures;
  private final ReportService reports;

  LifecycleQueries(OpenTasks openTasks, Signatures signatures, ReportService reports) {
    this.openTasks = openTasks;
    this.signatures = signatures;
    this.reports = reports;
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
        latest.approval(), latest.publication());
  }
}
