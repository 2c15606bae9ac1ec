package io.jixiao.workflow;

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
   * The caller's tasks: assigned to them, and/or unassigned ones of their roles in their units
   * (administrators: every unit). Each branch is served by its own partial index.
   */
  public Page find(String username, Set<Role> roles, Set<String> units, Queue queue, Filter filter, int page, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("me", username);
    String filters = filters(filter, params);
    List<String> branches = new ArrayList<>();
    if (queue != Queue.CLAIMABLE) {
      branches.add(SELECT + " where t.assignee = :me" + filters);
    }
    List<String> unitRoles = roles.stream().filter(r -> r != Role.ADMIN).map(Role::realmRole).toList();
    if (queue != Queue.MINE && !unitRoles.isEmpty() && !units.isEmpty()) {
      params.put("roles", unitRoles.toArray(String[]::new));
      params.put("units", units.toArray(String[]::new));
      branches.add(SELECT + " where t.assignee is null and t.role = any(:roles) and t.unit_code = any(:units)" + filters);
    }
    if (queue != Queue.MINE && roles.contains(Role.ADMIN)) {
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
