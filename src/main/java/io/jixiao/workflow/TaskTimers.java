package io.jixiao.workflow;

import java.util.List;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.job.api.Job;
import org.springframework.stereotype.Service;

/**
 * The timers on open tasks (the reminder and escalation boundary timers of the BPMN) follow their due
 * dates: a timer's date is its expression evaluated when the task began, so after the variables it
 * reads change (a cycle's due dates, its reminder days) each waiting timer job is rescheduled with its
 * own expression evaluated again ({@link ManagementService#rescheduleTimeDateJob}). A timer that has
 * fired is gone and stays so: a reminder goes out once per task.
 */
@Service
public class TaskTimers {

  private final ManagementService management;
  private final RepositoryService repository;

  TaskTimers(ManagementService management, RepositoryService repository) {
    this.management = management;
    this.repository = repository;
  }

  /** Re-evaluates the waiting timers of these process instances; the number rescheduled. */
  public int reschedule(List<String> processInstanceIds) {
    int rescheduled = 0;
    for (String process : processInstanceIds) {
      for (Job job : management.createTimerJobQuery().processInstanceId(process).list()) {
        BpmnModel model = repository.getBpmnModel(job.getProcessDefinitionId());
        if (model.getFlowElement(job.getElementId()) instanceof BoundaryEvent boundary
            && !boundary.getEventDefinitions().isEmpty()
            && boundary.getEventDefinitions().get(0) instanceof TimerEventDefinition timer
            && timer.getTimeDate() != null) {
          management.rescheduleTimeDateJob(job.getId(), timer.getTimeDate());
          rescheduled++;
        }
      }
    }
    return rescheduled;
  }
}
