package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.security.Grant;
import io.jixiao.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Task queues: what a user holds and what they may claim, one query each, no engine calls. */
@Component
public class OpenTasks {

  private static final String SELECT = """
      select t.task_id as id, t.report_id, t.unit_code, u.name as unit_name, t.year, t.stage, t.role, t.assignee,
             t.created_at as created, t.due_date as due
        from jixiao.open_task t join jixiao.unit u on u.code = t.unit_code
      """;

  /** Which queue. */
  public enum Queue { MINE, CLAIMABLE, BOTH }

  public record Filter(Stage stage, Integer year, String unitCode, Boolean overdue) {}

  public record Page(List<OpenTask> items, int page, int size, long total) {}

  private final JdbcClient jdbc;

  OpenTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The caller's tasks: assigned to them, and/or unassigned ones they may claim — of a role they hold
   * in that very unit (a grant), or the administrators' tasks. Each branch is served by its own partial index.
   */
  public Page find(String username, Set<Grant> grants, boolean admin, Queue queue, Filter filter, int page, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("me", username);
    String filters = filters(filter, params);
    List<String> branches = new ArrayList<>();
    if (queue != Queue.CLAIMABLE) {
      branches.add(SELECT + " where t.assignee = :me" + filters);
    }
    List<Grant> unitGrants = grants.stream().filter(g -> g.role() != Role.ADMIN).toList();
    if (queue != Queue.MINE && !unitGrants.isEmpty()) {
      params.put("roles", unitGrants.stream().map(g -> g.role().realmRole()).toArray(String[]::new));
      params.put("units", unitGrants.stream().map(Grant::unitCode).toArray(String[]::new));
      branches.add(SELECT + " where t.assignee is null and (t.role, t.unit_code) in (select g.role, g.unit"
          + " from unnest(cast(:roles as text[]), cast(:units as text[])) as g(role, unit))" + filters);
    }
    if (queue != Queue.MINE && admin) {
      branches.add(SELECT + " where t.assignee is null and t.role = 'admin'" + filters);
    }
    if (branches.isEmpty()) {
      return new Page(List.of(), page, size, 0);
    }
    String union = String.join(" union all ", branches.stream().map(b -> "(" + b + ")").toList());
    long total = jdbc.sql("select count(*) from (" + union + ") q").params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<OpenTask> items = jdbc.sql("select * from (" + union + ") q order by q.due nulls last, q.created, q.id"
            + " limit :limit offset :offset")
        .params(params).query(OpenTask.class).list();
    return new Page(items, page, size, total);
  }

  /** The open task of a package, if it has one (none once published). */
  public java.util.Optional<OpenTask> forReport(java.util.UUID reportId) {
    return jdbc.sql(SELECT + " where t.report_id = :report").param("report", reportId).query(OpenTask.class).optional();
  }

  java.util.Optional<OpenTask> find(String taskId) {
    return jdbc.sql(SELECT + " where t.task_id = :id").param("id", taskId).query(OpenTask.class).optional();
  }

  private static String filters(Filter filter, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (filter.stage() != null) {
      sql.append(" and t.stage = :stage");
      params.put("stage", filter.stage().name());
    }
    if (filter.year() != null) {
      sql.append(" and t.year = :year");
      params.put("year", filter.year());
    }
    if (filter.unitCode() != null) {
      sql.append(" and t.unit_code = :unit");
      params.put("unit", filter.unitCode());
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      sql.append(" and t.due_date < now()");
    }
    return sql.toString();
  }
}
