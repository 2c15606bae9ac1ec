package io.jixiao.dashboard;

import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.InvalidInput;
import io.jixiao.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's reads: the cycles to choose from, a cycle's counts per stage, and a page of its
 * packages — each one SQL statement whatever the number of units (the stage, assignee and due date
 * come from the task projection {@code jixiao.open_task}, approvals and publications from their own
 * tables, never from the engine). The table is sorted, filtered and paged in the database; pages are
 * bounded ({@link #MAX_PAGE}), the export ({@link #forEach}) streams at most {@link #MAX_EXPORT} rows.
 */
@Service
public class Dashboard {

  /** Days and deadlines are China's calendar days (as PublishedPackage counts the 20 days). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final int MAX_PAGE = 1000;
  public static final int MAX_SIZE = 200;
  public static final int MAX_EXPORT = 100_000;

  /** The columns the table sorts by. */
  public enum Sort {
    UNIT("e.unit_code"),
    STAGE("array_position(array['DRAFT','UNIT_SIGN','BUREAU_GUIDANCE','FINANCE_REVIEW','DISCLOSURE','PUBLISHED'], e.stage)"),
    ASSIGNEE("e.assignee"),
    WAITING("e.waiting_days"),
    DUE("e.due_date"),
    DEADLINE("e.deadline");

    private final String expression;

    Sort(String expression) {
      this.expression = expression;
    }

    /** A sort parameter: {@code unit}, {@code stage}, … (any case); absent: by due date. */
    public static Sort parse(String text) {
      if (text == null || text.isBlank()) {
        return DUE;
      }
      for (Sort sort : values()) {
        if (sort.name().equalsIgnoreCase(text.strip())) {
          return sort;
        }
      }
      throw new InvalidInput("sort 只能是 unit、stage、assignee、waiting、due 或 deadline");
    }

    public String parameter() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A direction parameter: {@code desc} or {@code asc} (absent: ascending). */
  public static boolean descending(String dir) {
    if (dir == null || dir.isBlank() || dir.equalsIgnoreCase("asc")) {
      return false;
    }
    if (dir.equalsIgnoreCase("desc")) {
      return true;
    }
    throw new InvalidInput("dir 只能是 asc 或 desc");
  }

  /**
   * @param assignee null: anyone; {@link #UNASSIGNED}: nobody holds the task; else exactly this user
   * @param unit     part of the unit's code or name
   * @param lateOnly only the late rows
   */
  public record Filter(Stage stage, String assignee, String unit, boolean lateOnly) {
    public static final String UNASSIGNED = "-";
    public static final Filter NONE = new Filter(null, null, null, false);

    public Filter {
      assignee = blankToNull(assignee);
      unit = blankToNull(unit);
      if (assignee != null && assignee.length() > 100 || unit != null && unit.length() > 100) {
        throw new InvalidInput("筛选条件过长（不超过 100 个字符）");
      }
    }
  }

  /** A cycle to choose. */
  public record CycleChoice(long id, String regionCode, String regionName, int year, String templateCode,
      int publicationDays, int packages) {}

  /** Packages per stage, and how many of them are late. */
  public record Counts(Map<Stage, Integer> byStage, Map<Stage, Integer> lateByStage, int total, int late) {
    public int at(Stage stage) {
      return byStage.getOrDefault(stage, 0);
    }

    public int lateAt(Stage stage) {
      return lateByStage.getOrDefault(stage, 0);
    }
  }

  /** One page of the table: {@code total} rows match the filter. */
  public record Page(List<DashboardRow> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.min(MAX_PAGE, (total + size - 1) / size);
    }
  }

  private static final String ROWS = """
      with pkg as (
        select r.id as report_id, r.unit_code, u.name as unit_name, r.latest_version as version,
               coalesce(t.stage, case when lp.ended_at is not null then 'PUBLISHED' else 'DRAFT' end) as stage,
               t.task_id, t.role, t.assignee, t.created_at as waiting_since, t.due_date, c.publication_days,
               a.approved_at, p.published_at
          from jixiao.report r
          join jixiao.cycle c on c.id = r.cycle_id
          join jixiao.unit u on u.code = r.unit_code
          left join jixiao.lifecycle_process lp on lp.report_id = r.id
          left join jixiao.open_task t on t.report_id = r.id
          left join lateral (select a.approved_at from jixiao.approval a where a.report_id = r.id
                              order by a.id desc limit 1) a on true
          left join lateral (select p.published_at from jixiao.publication p where p.report_id = r.id
                              order by p.id desc limit 1) p on true
         where r.cycle_id = :cycle
      ), d as (
        select pkg.*,
               case when pkg.stage in ('DISCLOSURE', 'PUBLISHED') and pkg.approved_at is not null
                    then cast(pkg.approved_at at time zone 'Asia/Shanghai' as date) + pkg.publication_days end as deadline,
               cast(now() at time zone 'Asia/Shanghai' as date) as today
          from pkg
      ), e as (
        select d.*,
               case when d.stage = 'DISCLOSURE' then d.deadline - d.today end as days_to_deadline,
               case when d.waiting_since is not null
                    then cast(floor(extract(epoch from now() - d.waiting_since) / 86400) as int) end as waiting_days,
               coalesce(d.due_date < now(), false) as overdue,
               coalesce(d.due_date < now(), false)
                 or coalesce(d.stage = 'DISCLOSURE' and d.deadline < d.today, false)
                 or coalesce(d.stage = 'PUBLISHED' and d.deadline < cast(d.published_at at time zone 'Asia/Shanghai' as date), false)
                 as late
          from d
      )
      """;

  private final JdbcClient jdbc;
  private final CurrentUser user;

  Dashboard(JdbcClient jdbc, CurrentUser user) {
    this.jdbc = jdbc;
    this.user = user;
  }

  /** Every cycle, newest year first, with its number of packages. */
  public List<CycleChoice> cycles() {
    requireAdmin();
    return jdbc.sql("""
        select c.id, c.region_code, g.name as region_name, c.year, c.template_code, c.publication_days,
               (select count(*) from jixiao.report r where r.cycle_id = c.id) as packages
          from jixiao.cycle c join jixiao.region g on g.code = c.region_code
         order by c.year desc, c.region_code, c.template_code, c.id
        """).query((rs, n) -> new CycleChoice(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
            rs.getInt("year"), rs.getString("template_code"), rs.getInt("publication_days"), rs.getInt("packages")))
        .list();
  }

  /** The cycle to show when none is asked for: the newest one with packages, else the newest. */
  public static CycleChoice defaultCycle(List<CycleChoice> cycles) {
    return cycles.stream().filter(c -> c.packages() > 0).findFirst().orElse(cycles.isEmpty() ? null : cycles.get(0));
  }

  public CycleChoice cycle(List<CycleChoice> cycles, Long id) {
    if (id == null) {
      return defaultCycle(cycles);
    }
    return cycles.stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> new NotFound("评价周期 " + id + " 不存在"));
  }

  public Counts counts(long cycleId) {
    requireAdmin();
    Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
    Map<Stage, Integer> late = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      byStage.put(stage, 0);
      late.put(stage, 0);
    }
    jdbc.sql(ROWS + "select e.stage, count(*) as n, count(*) filter (where e.late) as late from e group by e.stage")
        .param("cycle", cycleId)
        .query(rs -> {
          Stage stage = Stage.valueOf(rs.getString("stage"));
          byStage.put(stage, rs.getInt("n"));
          late.put(stage, rs.getInt("late"));
        });
    int total = byStage.values().stream().mapToInt(Integer::intValue).sum();
    int lateTotal = late.values().stream().mapToInt(Integer::intValue).sum();
    return new Counts(byStage, late, total, lateTotal);
  }

  /** A page (from 1) of the cycle's packages matching the filter, in the given order. */
  public Page page(long cycleId, Filter filter, Sort sort, boolean descending, int page, int size) {
    requireAdmin();
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidInput("页码必须在 1 至 " + MAX_PAGE + " 之间");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("每页行数必须在 1 至 " + MAX_SIZE + " 之间");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("cycle", cycleId);
    params.put("limit", size);
    params.put("offset", (page - 1) * size);
    long[] total = {0};
    List<DashboardRow> rows = new ArrayList<>();
    jdbc.sql(ROWS + "select e.*, count(*) over () as total from e" + where(filter, params) + order(sort, descending)
            + " limit :limit offset :offset")
        .params(params)
        .query(rs -> {
          total[0] = rs.getLong("total");
          rows.add(row(rs));
        });
    if (rows.isEmpty() && page > 1) {
      // Past the end: say how many there are, so the page can offer the last one.
      total[0] = jdbc.sql(ROWS + "select count(*) from e" + where(filter, params)).params(params).query(Long.class).single();
    }
    return new Page(List.copyOf(rows), page, size, total[0]);
  }

  /** Every matching row in order (at most {@link #MAX_EXPORT}), streamed from one statement; the number of rows. */
  public int forEach(long cycleId, Filter filter, Sort sort, boolean descending, Consumer<DashboardRow> each) {
    requireAdmin();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("cycle", cycleId);
    params.put("limit", MAX_EXPORT);
    int[] n = {0};
    jdbc.sql(ROWS + "select e.* from e" + where(filter, params) + order(sort, descending) + " limit :limit")
        .params(params)
        .query(rs -> {
          each.accept(row(rs));
          n[0]++;
        });
    return n[0];
  }

  /** An open task as the reassign form needs it: its stage, unit, holder and its package's version. */
  public record Task(String id, UUID reportId, String unitCode, String unitName, Stage stage, String assignee,
      int version) {}

  public java.util.Optional<Task> task(String taskId) {
    requireAdmin();
    return jdbc.sql("""
        select t.task_id, t.report_id, t.unit_code, u.name as unit_name, t.stage, t.assignee, r.latest_version
          from jixiao.open_task t join jixiao.report r on r.id = t.report_id join jixiao.unit u on u.code = t.unit_code
         where t.task_id = :id
        """).param("id", taskId)
        .query((rs, n) -> new Task(rs.getString("task_id"), rs.getObject("report_id", UUID.class), rs.getString("unit_code"),
            rs.getString("unit_name"), Stage.valueOf(rs.getString("stage")), rs.getString("assignee"),
            rs.getInt("latest_version")))
        .optional();
  }

  private static String where(Filter filter, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(" where true");
    if (filter.stage() != null) {
      sql.append(" and e.stage = :stage");
      params.put("stage", filter.stage().name());
    }
    if (Filter.UNASSIGNED.equals(filter.assignee())) {
      sql.append(" and e.assignee is null and e.task_id is not null");
    } else if (filter.assignee() != null) {
      sql.append(" and e.assignee = :assignee");
      params.put("assignee", filter.assignee());
    }
    if (filter.unit() != null) {
      sql.append(" and (strpos(lower(e.unit_code), lower(:unit)) > 0 or strpos(e.unit_name, :unit) > 0)");
      params.put("unit", filter.unit());
    }
    if (filter.lateOnly()) {
      sql.append(" and e.late");
    }
    return sql.toString();
  }

  private static String order(Sort sort, boolean descending) {
    String direction = descending ? " desc nulls last" : " asc nulls last";
    return " order by " + sort.expression + direction + ", e.unit_code, e.report_id";
  }

  private static DashboardRow row(ResultSet rs) throws SQLException {
    OffsetDateTime due = rs.getObject("due_date", OffsetDateTime.class);
    return new DashboardRow(rs.getObject("report_id", UUID.class), rs.getString("unit_code"), rs.getString("unit_name"),
        rs.getInt("version"), Stage.valueOf(rs.getString("stage")), rs.getString("task_id"), rs.getString("role"),
        rs.getString("assignee"), rs.getObject("waiting_since", OffsetDateTime.class),
        (Integer) rs.getObject("waiting_days"),
        // Due dates are stored as the start of the due day in the server's zone (CycleDueDates, StartLifecycle).
        due == null ? null : due.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate(),
        rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("deadline", LocalDate.class),
        (Integer) rs.getObject("days_to_deadline"), rs.getObject("published_at", OffsetDateTime.class),
        rs.getBoolean("overdue"), rs.getBoolean("late"));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void requireAdmin() {
    if (!user.has(Role.ADMIN)) {
      throw new Forbidden("只有管理员可以查看工作台");
    }
  }
}
