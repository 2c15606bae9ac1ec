package io.jixiao.workflow;

import io.jixiao.report.Report;
import io.jixiao.report.ReportLifecycle;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.Forbidden;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one stage API ({@link ReportLifecycle}, which the report module declares): a package's stage from
 * our own tables (task projection and processes), and whether it may be edited or opened now.
 */
@Component
class PackageStages implements ReportLifecycle {

  private final OpenTasks openTasks;
  private final LifecycleProcesses processes;
  private final CurrentUser user;

  PackageStages(OpenTasks openTasks, LifecycleProcesses processes, CurrentUser user) {
    this.openTasks = openTasks;
    this.processes = processes;
    this.user = user;
  }

  @Override
  public Stage stageOf(Report report) {
    return processes.stages(List.of(report.id())).getOrDefault(report.id(), Stage.DRAFT);
  }

  @Override
  public Map<UUID, Stage> stagesOf(Collection<UUID> reportIds) {
    return processes.stages(reportIds);
  }

  /** Content is edited in DRAFT, by the unit's preparer, and by nobody else while someone holds the draft task. */
  @Override
  public void checkEditable(Report report) {
    Stage stage = stageOf(report);
    if (!Permissions.allows(user.rolesIn(report.unitCode()), stage, Action.EDIT)) {
      throw new StageForbids(stage == Stage.DRAFT
          ? "只有本单位的填表人可以修改报告内容"
          : "报告处于" + stage + "阶段，不能修改；须退回填报后再改");
    }
    openTasks.forReport(report.id())
        .filter(task -> task.assignee() != null && !task.assignee().equals(user.username()))
        .ifPresent(task -> {
          throw NotHolder.heldBy(task.assignee());
        });
  }

  @Override
  public void checkMayOpen(String unitCode) {
    if (!Permissions.mayOpen(user.rolesIn(unitCode))) {
      throw new Forbidden("只有本单位的填表人或管理员可以创建报告");
    }
  }
}
