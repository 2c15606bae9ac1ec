package io.jixiao.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the shared database directly and lists every disagreement between what clients were told,
 * our tables and the engine's: each acknowledged step is there; each package's versions run
 * 1..latest; {@code jixiao.open_task} is exactly the engine's open tasks (id, stage, assignee); the
 * stage our audit trail arrives at is the engine's; every completed engine task has exactly one
 * TRANSITION in the audit trail and every TRANSITION a completed engine task; the trail's stages
 * chain without a gap; no job failed.
 */
public final class Consistency {

  /** What was checked, and what disagreed (empty when all agree). */
  public record Result(int packages, int engineTransitions, int openTasks, List<String> discrepancies) {}

  private Consistency() {}

  public static Result check(JdbcClient jdbc, Collection<LifecycleLoad.Ack> acks) {
    List<String> wrong = new ArrayList<>();

    record ReportRow(String id, int latestVersion, String processInstanceId) {}
    Map<String, ReportRow> reports = new LinkedHashMap<>();
    jdbc.sql("""
        select r.id::text, r.latest_version, p.process_instance_id
          from jixiao.report r left join jixiao.lifecycle_process p on p.report_id = r.id order by r.created_at
        """).query(
        (rs, n) -> new ReportRow(rs.getString(1), rs.getInt(2), rs.getString(3))).list()
        .forEach(r -> reports.put(r.id(), r));

    // Versions 1..latest, none missing, none beyond.
    jdbc.sql("select report_id::text, count(*), max(version) from jixiao.report_version group by report_id")
        .query((rs, n) -> {
          ReportRow report = reports.get(rs.getString(1));
          if (report == null || rs.getInt(2) != report.latestVersion() || rs.getInt(3) != report.latestVersion()) {
            wrong.add("versions of " + rs.getString(1) + ": " + rs.getInt(2) + " rows, max " + rs.getInt(3)
                + ", report says " + (report == null ? "no report" : report.latestVersion()));
          }
          return null;
        }).list();

    // The projection against the engine's open tasks.
    record Task(String id, String report, String stage, String assignee) {}
    Map<String, Task> projected = new HashMap<>();
    jdbc.sql("select task_id, report_id::text, stage, assignee from jixiao.open_task")
        .query((rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()
        .forEach(t -> projected.put(t.id(), t));
    Map<String, Task> engine = new HashMap<>();
    jdbc.sql("""
        select t.id_, p.business_key_, t.task_def_key_, t.assignee_
          from act_ru_task t join act_hi_procinst p on p.proc_inst_id_ = t.proc_inst_id_
        """).query((rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()
        .forEach(t -> engine.put(t.id(), t));
    if (!projected.equals(engine)) {
      Set<String> ids = new java.util.TreeSet<>(projected.keySet());
      ids.addAll(engine.keySet());
      for (String id : ids) {
        if (!Objects.equals(projected.get(id), engine.get(id))) {
          wrong.add("open task " + id + ": open_task " + projected.get(id) + ", engine " + engine.get(id));
        }
      }
    }
    Map<String, List<Task>> openByReport = engine.values().stream().collect(Collectors.groupingBy(Task::report));

    // Process instances: the report's current one is open while it has a task, ended once published.
    record Process(String id, String report, boolean ended) {}
    Map<String, List<Process>> processes = jdbc.sql(
            "select proc_inst_id_, business_key_, end_time_ is not null from act_hi_procinst")
        .query((rs, n) -> new Process(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list().stream()
        .collect(Collectors.groupingBy(Process::report));

    // Completed engine tasks and the trail's transitions, one for one.
    record Done(String taskId, String report, String stage) {}
    Map<String, Done> completed = new HashMap<>();
    jdbc.sql("""
        select t.id_, p.business_key_, t.task_def_key_
          from act_hi_taskinst t join act_hi_procinst p on p.proc_inst_id_ = t.proc_inst_id_
         where t.end_time_ is not null
        """).query((rs, n) -> new Done(rs.getString(1), rs.getString(2), rs.getString(3))).list()
        .forEach(d -> completed.put(d.taskId(), d));
    record Event(long id, String report, String kind, String from, String to, String taskId, String actor) {}
    List<Event> events = jdbc.sql("""
        select id, report_id::text, kind, stage_from, stage_to, task_id, actor from jixiao.audit_event order by id
        """).query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    Map<String, List<Event>> transitionsByTask = events.stream().filter(e -> e.kind().equals("TRANSITION"))
        .collect(Collectors.groupingBy(e -> String.valueOf(e.taskId())));
    transitionsByTask.forEach((task, list) -> {
      if (list.size() != 1) {
        wrong.add("task " + task + " has " + list.size() + " TRANSITION entries: " + list);
      }
      Done done = completed.get(task);
      if (done == null) {
        wrong.add("TRANSITION " + list.get(0) + " but the engine has no completed task " + task);
      } else if (!done.stage().equals(list.get(0).from()) || !done.report().equals(list.get(0).report())) {
        wrong.add("TRANSITION " + list.get(0) + " does not match the engine's task " + done);
      }
    });
    completed.values().stream().filter(d -> !transitionsByTask.containsKey(d.taskId()))
        .forEach(d -> wrong.add("engine completed " + d + " with no TRANSITION in the audit trail"));

    // Per package: the trail's stages chain, and end where the engine stands.
    Map<String, List<Event>> byReport = events.stream().collect(Collectors.groupingBy(Event::report));
    for (ReportRow report : reports.values()) {
      List<Task> open = openByReport.getOrDefault(report.id(), List.of());
      List<Process> own = processes.getOrDefault(report.id(), List.of());
      String engineStage;
      if (open.size() > 1) {
        wrong.add(report.id() + " has " + open.size() + " open tasks: " + open);
        continue;
      } else if (open.size() == 1) {
        engineStage = open.get(0).stage();
      } else {
        boolean ended = own.stream().anyMatch(p -> p.id().equals(report.processInstanceId()) && p.ended());
        engineStage = ended ? "PUBLISHED" : "NONE";
      }
      long running = own.stream().filter(p -> !p.ended()).count();
      if (running > 1 || own.stream().noneMatch(p -> p.id().equals(report.processInstanceId()))) {
        wrong.add(report.id() + ": processes " + own + ", report names " + report.processInstanceId());
      }
      String stage = null;
      for (Event event : byReport.getOrDefault(report.id(), List.of())) {
        if (event.to() == null || event.to().equals(event.from()) && !event.kind().equals("TRANSITION")) {
          continue; // saves, claims, signatures: no change of stage
        }
        if (!Objects.equals(event.from(), stage)) {
          wrong.add(report.id() + ": " + event.kind() + " " + event.from() + "→" + event.to() + " after stage " + stage);
        }
        stage = event.to();
      }
      if (!Objects.equals(stage, engineStage)) {
        wrong.add(report.id() + ": the audit trail ends at " + stage + ", the engine at " + engineStage);
      }
    }

    // Everything the clients were told happened.
    Set<String> claims = events.stream().filter(e -> e.kind().equals("CLAIMED")).map(Event::taskId).collect(Collectors.toSet());
    Set<String> saves = new java.util.HashSet<>(jdbc.sql("select report_id::text || '#' || version from jixiao.report_version")
        .query(String.class).list());
    Map<String, Long> corrections = events.stream().filter(e -> e.kind().equals("CORRECTION_STARTED"))
        .collect(Collectors.groupingBy(Event::report, Collectors.counting()));
    Map<String, Long> ackedCorrections = new HashMap<>();
    for (LifecycleLoad.Ack ack : acks) {
      switch (ack.kind()) {
        case CREATED -> {
          if (!reports.containsKey(ack.reportId())) {
            wrong.add("acknowledged creation of " + ack.reportId() + " is not in jixiao.report");
          }
        }
        case SAVED -> {
          if (!saves.contains(ack.reportId() + "#" + ack.version())) {
            wrong.add("acknowledged save " + ack + " is not in jixiao.report_version");
          }
        }
        case CLAIMED -> {
          if (!claims.contains(ack.taskId())) {
            wrong.add("acknowledged claim " + ack + " has no CLAIMED entry");
          }
        }
        case TRANSITION -> {
          List<Event> recorded = transitionsByTask.getOrDefault(ack.taskId(), List.of());
          if (recorded.size() != 1 || !ack.from().equals(recorded.get(0).from()) || !ack.to().equals(recorded.get(0).to())
              || !completed.containsKey(ack.taskId())) {
            wrong.add("acknowledged transition " + ack + ": trail " + recorded + ", engine " + completed.get(ack.taskId()));
          }
        }
        case CORRECTION -> ackedCorrections.merge(ack.reportId(), 1L, Long::sum);
      }
    }
    ackedCorrections.forEach((report, count) -> {
      if (corrections.getOrDefault(report, 0L) < count) {
        wrong.add(report + ": " + count + " acknowledged corrections, " + corrections.getOrDefault(report, 0L) + " recorded");
      }
    });

    long failedJobs = jdbc.sql("select (select count(*) from act_ru_deadletter_job) + (select count(*) from act_ru_job where exception_msg_ is not null)")
        .query(Long.class).single();
    if (failedJobs > 0) {
      wrong.add(failedJobs + " failed engine jobs");
    }
    return new Result(reports.size(), completed.size(), engine.size(), wrong);
  }
}
