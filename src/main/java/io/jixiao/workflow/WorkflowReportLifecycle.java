package io.jixiao.workflow;

import io.jixiao.report.Report;
import io.jixiao.report.ReportLifecycle;
import io.jixiao.security.CurrentUser;
import io.jixiao.web.Problems;
import org.flowable.engine.HistoryService;
import org.springframework.stereotype.Component;

/** Tells the report module what the lifecycle allows: content is edited in DRAFT, by the unit's preparer. */
@Component
class WorkflowReportLifecycle implements ReportLifecycle {

  private final OpenTasks openTasks;
  private final HistoryService history;
  private final CurrentUser user;

  WorkflowReportLifecycle(OpenTasks openTasks, HistoryService history, CurrentUser user) {
    this.openTasks = openTasks;
    this.history = history;
    this.user = user;
  }

  @Override
  public void checkEditable(Report report) {
    Stage stage = stage(report);
    if (!Permissions.allows(user.roles(), stage, Action.EDIT)) {
      throw Problems.forbidden(stage == Stage.DRAFT
          ? "只有本单位的填表人可以修改报告内容"
          : "报告处于" + stage + "阶段，不能修改；须退回填报后再改");
    }
    openTasks.forReport(report.id())
        .filter(task -> task.assignee() != null && !task.assignee().equals(user.username()))
        .ifPresent(task -> {
          throw Problems.conflict("held-by-other", "填报任务由 " + task.assignee() + " 持有，请联系其释放后再修改");
        });
  }

  @Override
  public String stageOf(Report report) {
    return stage(report).name();
  }

  Stage stage(Report report) {
    return openTasks.forReport(report.id()).map(OpenTask::stage).orElseGet(() ->
        report.processInstanceId() != null && history.createHistoricProcessInstanceQuery()
            .processInstanceId(report.processInstanceId()).finished().count() > 0
            ? Stage.PUBLISHED : Stage.DRAFT);
  }
}
