package io.jixiao.workflow;

import java.sql.Timestamp;
import java.util.UUID;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import io.jixiao.report.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code jixiao.open_task} in step with the engine's user tasks. It runs inside the engine
 * command, hence inside the same transaction as the task change: the projection cannot drift from
 * the engine, and task lists ({@link OpenTasks}) become one indexed query with no engine calls per row.
 */
@Component
class TaskProjection implements FlowableEventListener {

  private final JdbcClient jdbc;
  private final LifecycleProcesses processes;

  TaskProjection(JdbcClient jdbc, LifecycleProcesses processes) {
    this.jdbc = jdbc;
    this.processes = processes;
  }

  @Override
  public void onEvent(FlowableEvent event) {
    if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED
        && event instanceof FlowableEntityEvent completed
        && completed.getEntity() instanceof ExecutionEntity execution) {
      processes.ended(execution.getProcessInstanceId());
      return;
    }
    if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof TaskEntity task)) {
      return;
    }
    if (event.getType() == FlowableEngineEventType.TASK_CREATED) {
      Stage stage = Stage.valueOf(task.getTaskDefinitionKey());
      jdbc.sql("""
          insert into jixiao.open_task (task_id, report_id, unit_code, year, stage, role, assignee, created_at, due_date)
          values (:id, :report, :unit, :year, :stage, :role, :assignee, :created, :due)
          """)
          .param("id", task.getId())
          .param("report", UUID.fromString((String) task.getVariable(ProcessVariables.REPORT_ID)))
          .param("unit", task.getVariable(ProcessVariables.UNIT_CODE))
          .param("year", task.getVariable(ProcessVariables.YEAR))
          .param("stage", stage.name())
          .param("role", stage.actor().realmRole())
          .param("assignee", task.getAssignee())
          .param("created", new Timestamp(task.getCreateTime().getTime()))
          .param("due", task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime()))
          .update();
    } else if (event.getType() == FlowableEngineEventType.TASK_ASSIGNED) {
      jdbc.sql("update jixiao.open_task set assignee = :assignee where task_id = :id")
          .param("assignee", task.getAssignee()).param("id", task.getId()).update();
    } else if (event.getType() == FlowableEngineEventType.TASK_COMPLETED
        || event.getType() == FlowableEngineEventType.ENTITY_DELETED) {
      jdbc.sql("delete from jixiao.open_task where task_id = :id").param("id", task.getId()).update();
    }
  }

  /** Unlike the engine's default, a failure here fails the engine command: the projection must not miss a change. */
  @Override
  public boolean isFailOnException() {
    return true;
  }

  @Override
  public boolean isFireOnTransactionLifecycleEvent() {
    return false;
  }

  @Override
  public String getOnTransaction() {
    return null;
  }
}
