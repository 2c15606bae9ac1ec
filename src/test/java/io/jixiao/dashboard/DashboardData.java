package io.jixiao.dashboard;

import io.jixiao.report.Stage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dashboard fixtures in bulk, straight into the tables (as support/QueueData does for the queues, no
 * engine): a region {@code <prefix>} with {@link #UNITS} units and {@link #CYCLES} cycles (years
 * {@link #FIRST_YEAR}…), one package per unit and cycle. Package {@code n = cycle × UNITS + unit} stands
 * at stage {@code n % 6} ({@link #stage}); every fourth open task is held; every seventh is overdue;
 * approvals {@code n % 30} days ago (DISCLOSURE and PUBLISHED), publication {@code n % 25} days after its
 * approval; and an audit trail of its stage changes, one a day, so the chart has days to show.
 */
final class DashboardData {

  static final int UNITS = 1000;
  static final int CYCLES = 5;
  static final int FIRST_YEAR = 2096;

  private DashboardData() {}

  static Stage stage(int n) {
    return Stage.values()[n % 6];
  }

  static boolean late(int n) {
    Stage stage = stage(n);
    return switch (stage) {
      case DISCLOSURE -> n % 7 == 0 || n % 30 > 20;
      case PUBLISHED -> n % 25 > 20;
      default -> n % 7 == 0;
    };
  }

  static void load(JdbcClient jdbc, String p) {
    jdbc.sql("insert into jixiao.region (code, name) values (:p, :p || '区')").param("p", p).update();
    jdbc.sql("insert into jixiao.bureau (code, name, region_code) values (:p || '-b', :p || '主管部门', :p)")
        .param("p", p).update();
    jdbc.sql("""
        insert into jixiao.unit (code, name, region_code, bureau_code)
        select :p || '-u' || lpad(i::text, 4, '0'), :p || '单位' || i, :p, :p || '-b' from generate_series(0, :units - 1) i
        """).param("p", p).param("units", UNITS).update();
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, all_units, publication_days)
        select :p, :first + k, 'NATIONAL_DEFAULT', true, 20 from generate_series(0, :cycles - 1) k
        """).param("p", p).param("first", FIRST_YEAR).param("cycles", CYCLES).update();
    // A scratch table of the packages with their number n, dropped at the end.
    jdbc.sql("""
        create table jixiao.dashboard_fixture as
        select gen_random_uuid() as id, :p || '-u' || lpad(i::text, 4, '0') as unit_code, c.id as cycle_id, c.year,
               (c.year - :first) * :units + i as n
          from generate_series(0, :units - 1) i join jixiao.cycle c on c.region_code = :p
        """).param("p", p).param("first", FIRST_YEAR).param("units", UNITS).update();
    jdbc.sql("""
        insert into jixiao.report (id, unit_code, year, cycle_id, created_by, created_at)
        select id, unit_code, year, cycle_id, 'fixture', now() - interval '10 days' from jixiao.dashboard_fixture
        """).update();
    jdbc.sql("""
        insert into jixiao.lifecycle_process (report_id, process_instance_id, started_at, ended_at)
        select id, 'dash-' || id, now() - interval '10 days', case when n % 6 = 5 then now() end from jixiao.dashboard_fixture
        """).update();
    jdbc.sql("""
        insert into jixiao.open_task (task_id, report_id, unit_code, year, stage, role, assignee, created_at, due_date)
        select 'dash-' || f.n, f.id, f.unit_code, f.year, s.stage, s.role,
               case when f.n % 4 = 0 then :p || '.' || s.role end,
               now() - (f.n % 40) * interval '1 day',
               case when f.n % 7 = 0 then now() - interval '3 days'
                    else date_trunc('day', now()) + (1 + f.n % 30) * interval '1 day' end
          from jixiao.dashboard_fixture f
          join (values (0, 'DRAFT', 'preparer'), (1, 'UNIT_SIGN', 'unit-head'), (2, 'BUREAU_GUIDANCE', 'bureau-reviewer'),
                       (3, 'FINANCE_REVIEW', 'finance-reviewer'), (4, 'DISCLOSURE', 'admin')) s(k, stage, role)
            on s.k = f.n % 6
        """).param("p", p).update();
    jdbc.sql("""
        insert into jixiao.approval (report_id, version, content_hash, approved_by, approved_at)
        select id, 1, repeat('0', 64), 'fixture', now() - (n % 30) * interval '1 day'
          from jixiao.dashboard_fixture where n % 6 >= 4
        """).update();
    jdbc.sql("""
        insert into jixiao.publication (report_id, version, content_hash, published_by, published_at)
        select id, 1, repeat('0', 64), 'fixture', now() - (n % 30) * interval '1 day' + (n % 25) * interval '1 day'
          from jixiao.dashboard_fixture where n % 6 = 5
        """).update();
    // The trail: created 10 days ago at DRAFT, then one stage a day up to the package's stage.
    jdbc.sql("""
        insert into jixiao.audit_event (report_id, at, actor, kind, stage_from, stage_to)
        select f.id, now() - interval '10 days' + k * interval '1 day', 'fixture',
               case when k = 0 then 'CREATED' else 'TRANSITION' end,
               case when k > 0 then (array['DRAFT','UNIT_SIGN','BUREAU_GUIDANCE','FINANCE_REVIEW','DISCLOSURE','PUBLISHED'])[k] end,
               (array['DRAFT','UNIT_SIGN','BUREAU_GUIDANCE','FINANCE_REVIEW','DISCLOSURE','PUBLISHED'])[k + 1]
          from jixiao.dashboard_fixture f join generate_series(0, 5) k on k <= f.n % 6
         order by f.n, k
        """).update();
    jdbc.sql("drop table jixiao.dashboard_fixture").update();
    jdbc.sql("analyze").update();
  }

  /** Removes what {@link #load} made; the append-only tables' guards are bypassed for this one session (superuser). */
  static void drop(DataSource superuser, String p) throws SQLException {
    try (Connection c = superuser.getConnection(); Statement sql = c.createStatement()) {
      String reports = "(select r.id from jixiao.report r join jixiao.unit u on u.code = r.unit_code where u.region_code = '" + p + "')";
      sql.execute("set session_replication_role = replica");
      for (String table : new String[] {"audit_event", "publication", "approval", "open_task", "lifecycle_process"}) {
        sql.execute("delete from jixiao." + table + " where report_id in " + reports);
      }
      sql.execute("delete from jixiao.report where id in " + reports);
      sql.execute("delete from jixiao.cycle where region_code = '" + p + "'");
      sql.execute("delete from jixiao.unit where region_code = '" + p + "'");
      sql.execute("delete from jixiao.bureau where region_code = '" + p + "'");
      sql.execute("delete from jixiao.region where code = '" + p + "'");
      sql.execute("set session_replication_role = default");
    }
  }
}
