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
    return state(report, reports.content(report.id(), report.latestVersion()));
  }

  /** As {@link #state(Report)}, for a caller that has the latest content already. */
  public LifecycleState state(Report report, ReportContent latest) {
    var task = openTasks.forReport(report.id());
    String unitHash = reports.unitContentHash(latest);
    var signature = signatures.latestSignature(report.id());
    return new LifecycleState(report.id(), reports.stageOf(report), task.map(OpenTask::id).orElse(null),
        task.map(OpenTask::assignee).orElse(null), task.map(OpenTask::due).orElse(null),
        report.latestVersion(), unitHash, signature.orElse(null),
        signature.map(s -> s.covers(unitHash)).orElse(false),
        signatures.latestApproval(report.id()).orElse(null), signatures.latestPublication(report.id()).orElse(null));
  }
}
