package io.jixiao.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open tasks in bulk, straight into the task projection: a region {@code <prefix>} with its bureau and
 * {@code units} units, and {@code tasks} packages each with one open task — stages in turn, every fifth
 * one assigned (to {@code <prefix>.<role>}), due dates spread over 60 days around today (half overdue,
 * many ties), creation times with ties too. A few set-based INSERTs (100,000 tasks in seconds), no engine:
 * these tasks are for reading queues, not for steps (the engine has no such task, so a claim is a 404/409).
 */
public final class QueueData {

  private QueueData() {}

  public static void load(JdbcClient jdbc, String prefix, int units, int tasks) {
    jdbc.sql("insert into jixiao.region (code, name) values (:p, :p)").param("p", prefix).update();
    jdbc.sql("insert into jixiao.bureau (code, name, region_code) values (:p || '-b', :p || '主管部门', :p)")
        .param("p", prefix).update();
    jdbc.sql("""
        insert into jixiao.unit (code, name, region_code, bureau_code)
        select :p || '-u' || i, :p || '单位' || i, :p, :p || '-b' from generate_series(1, :units) i
        """).param("p", prefix).param("units", units).update();
    long cycle = jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code) values (:p, 2100, 'NATIONAL_DEFAULT') returning id
        """).param("p", prefix).query(Long.class).single();
    // One package per unit and year: task i belongs to unit (i mod units), year 3000 + i / units.
    jdbc.sql("""
        insert into jixiao.report (id, unit_code, year, cycle_id, created_by)
        select gen_random_uuid(), :p || '-u' || (i % :units + 1), 3000 + i / :units, :cycle, 'bench'
          from generate_series(0, :tasks - 1) i
        """).param("p", prefix).param("units", units).param("cycle", cycle).param("tasks", tasks).update();
    jdbc.sql("""
        insert into jixiao.open_task (task_id, report_id, unit_code, year, stage, role, assignee, created_at, due_date)
        select 'q-' || :p || '-' || n, r.id, r.unit_code, r.year, s.stage, s.role,
               case when (n / 5) % 5 = 0 then :p || '.' || s.role end,
               timestamptz '2026-01-01 00:00:00+00' + (n % 97) * interval '1 minute',
               case when n % 11 = 0 then null else date_trunc('day', now()) + (n % 60 - 30) * interval '1 day' end
          from (select r.*, (r.year - 3000) * :units + cast(substring(r.unit_code from length(:p) + 3) as int) - 1 as n
                  from jixiao.report r join jixiao.unit u on u.code = r.unit_code where u.region_code = :p) r
          join (values (0, 'DRAFT', 'preparer'), (1, 'UNIT_SIGN', 'unit-head'), (2, 'BUREAU_GUIDANCE', 'bureau-reviewer'),
                       (3, 'FINANCE_REVIEW', 'finance-reviewer'), (4, 'DISCLOSURE', 'admin')) s(k, stage, role)
            on s.k = r.n % 5
        """).param("p", prefix).param("units", units).update();
    jdbc.sql("analyze jixiao.open_task").update();
  }

  /** Removes what {@link #load} made. */
  public static void drop(JdbcClient jdbc, String prefix) {
    String units = "(select code from jixiao.unit where region_code = :p)";
    jdbc.sql("delete from jixiao.open_task where unit_code in " + units).param("p", prefix).update();
    jdbc.sql("delete from jixiao.report where unit_code in " + units).param("p", prefix).update();
    jdbc.sql("delete from jixiao.cycle where region_code = :p").param("p", prefix).update();
    jdbc.sql("delete from jixiao.unit where region_code = :p").param("p", prefix).update();
    jdbc.sql("delete from jixiao.bureau where region_code = :p").param("p", prefix).update();
    jdbc.sql("delete from jixiao.region where code = :p").param("p", prefix).update();
  }
}
