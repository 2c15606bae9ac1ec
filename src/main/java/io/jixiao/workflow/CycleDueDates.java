package io.jixiao.workflow;

import io.jixiao.cycle.DueDates;
import io.jixiao.report.Stage;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's changed due dates reach the packages already under way: every running lifecycle of the
 * cycle gets the new dates as its variables (the stages it has yet to reach take them), and every
 * open task gets its stage's new due date, in the engine and in {@code jixiao.open_task} alike, and its
 * waiting reminder and escalation timers move with it ({@link TaskTimers}).
 */
@Service
public class CycleDueDates {

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskTimers timers;

  CycleDueDates(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, TaskTimers timers) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.timers = timers;
  }

  /** Applies the dates to the cycle's running lifecycles and open tasks; the number of open tasks re-dated. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int apply(long cycleId, DueDates due) {
    List<String> running = jdbc.sql("""
        select lp.process_instance_id from jixiao.lifecycle_process lp
          join jixiao.report r on r.id = lp.report_id
         where r.cycle_id = :cycle and lp.ended_at is null
         order by lp.process_instance_id
        """).param("cycle", cycleId).query(String.class).list();
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.DRAFT_DUE, date(due.draft()));
    variables.put(ProcessVariables.SIGN_DUE, date(due.sign()));
    variables.put(ProcessVariables.GUIDANCE_DUE, date(due.guidance()));
    variables.put(ProcessVariables.REVIEW_DUE, date(due.review()));
    variables.put(ProcessVariables.PUBLISH_DUE, date(due.publish()));
    running.forEach(process -> runtime.setVariables(process, variables));
    timers.reschedule(running);

    record Open(String taskId, Stage stage) {}
    List<Open> open = jdbc.sql("""
        select t.task_id, t.stage from jixiao.open_task t join jixiao.report r on r.id = t.report_id
         where r.cycle_id = :cycle order by t.task_id
        """).param("cycle", cycleId)
        .query((rs, i) -> new Open(rs.getString(1), Stage.valueOf(rs.getString(2)))).list();
    for (Open task : open) {
      Date day = (Date) variables.get(ProcessVariables.dueOf(task.stage()));
      tasks.setDueDate(task.taskId(), day);
      jdbc.sql("update jixiao.open_task set due_date = :due where task_id = :id")
          .param("due", day == null ? null : new Timestamp(day.getTime())).param("id", task.taskId()).update();
    }
    return open.size();
  }

  /** The cycle's running lifecycles (their timers follow a change of the cycle's reminder settings). */
  public List<String> running(long cycleId) {
    return jdbc.sql("""
        select lp.process_instance_id from jixiao.lifecycle_process lp
          join jixiao.report r on r.id = lp.report_id
         where r.cycle_id = :cycle and lp.ended_at is null
         order by lp.process_instance_id
        """).param("cycle", cycleId).query(String.class).list();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
