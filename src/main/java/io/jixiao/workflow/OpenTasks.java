package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.security.Grant;
import io.jixiao.security.Membership;
import io.jixiao.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Task queues: what a user holds and what they may claim — one SQL statement per page, no engine calls,
 * no document read. Pages follow the order (due, created, id) by keyset ({@link TaskCursor}), never by
 * offset; the count stops at {@link #COUNT_CAP} so it never walks a whole queue.
 */
@Component
public class OpenTasks {

  /** Counts above this are shown as "1,000+" ({@link Page#totalCapped()}). */
  public static final int COUNT_CAP = 1000;

  private static final String SELECT = """
      select t.task_id as id, t.report_id, t.unit_code, u.name as unit_name, t.year, t.stage, t.role, t.assignee,
             t.created_at as created, t.due_date as due
        from jixiao.open_task t join jixiao.unit u on u.code = t.unit_code
      """;
  private static final String COLUMNS = """
      select t.task_id as id, t.report_id, t.unit_code, t.year, t.stage, t.role, t.assignee,
             t.created_at as created, t.due_date as due, t.due_key
        from jixiao.open_task t""";
  private static final String ORDER = " order by t.due_key, t.created_at, t.task_id";

  /** Which queue. */
  public enum Queue { MINE, CLAIMABLE, BOTH }

  public record Filter(Stage stage, Integer year, String unitCode, Boolean overdue) {}

  /**
   * @param total       how many tasks the queue holds, at most {@link #COUNT_CAP}
   * @param totalCapped there are more than {@code total}
   * @param next        the cursor of the next page, null on the last
   */
  public record Page(List<OpenTask> items, int size, long total, boolean totalCapped, String next) {}

  private final JdbcClient jdbc;

  OpenTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The caller's tasks: assigned to them, and/or unassigned ones they may claim — of a role they hold in
   * that very unit (a grant), or the administrators' tasks. One branch per role, each read in index order
   * (open_task_claim_* and open_task_mine_idx, V6) and stopped at the page size; the count is capped
   * likewise. Items and count come back in one round trip.
   */
  public Page find(String username, Set<Grant> grants, boolean admin, Queue queue, Filter filter,
      TaskCursor after, int size) {
    return find(username, grants.stream().map(Membership::of).toList(), admin, queue, filter, after, size);
  }

  /**
   * As above for the caller's grant groups as named: a bureau's or region's membership reaches the units
   * the unit table places there, resolved inside the statement ({@code unit_code = any(array(select …))}),
   * so a region's reviewer sends two codes, not a thousand, and the plan does not weigh a thousand constants.
   */
  public Page find(String username, Collection<Membership> memberships, boolean admin, Queue queue, Filter filter,
      TaskCursor after, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("me", username);
    String filters = filters(filter, params);
    List<String> branches = new ArrayList<>();
    if (queue != Queue.CLAIMABLE) {
      branches.add("t.assignee = :me");
    }
    if (queue != Queue.MINE) {
      Map<Role, Map<Membership.Reach, Set<String>>> byRole = new TreeMap<>();
      memberships.forEach(m -> byRole.computeIfAbsent(m.role(), r -> new EnumMap<>(Membership.Reach.class))
          .computeIfAbsent(m.reach(), r -> new TreeSet<>()).add(m.code()));
      int i = 0;
      for (var entry : byRole.entrySet()) {
        if (filter.stage() != null && filter.stage().actor() != entry.getKey()) {
          continue; // that role has no task at the asked stage
        }
        params.put("role" + i, entry.getKey().realmRole());
        List<String> reaches = new ArrayList<>();
        Set<String> units = entry.getValue().getOrDefault(Membership.Reach.UNIT, Set.of());
        if (units.size() == 1) {
          params.put("unit" + i, units.iterator().next());
          reaches.add("t.unit_code = :unit" + i);
        } else if (!units.isEmpty()) {
          params.put("units" + i, units.toArray(String[]::new));
          reaches.add("t.unit_code = any(:units" + i + ")");
        }
        List<String> placed = new ArrayList<>();
        for (var reach : List.of(Membership.Reach.BUREAU, Membership.Reach.REGION)) {
          Set<String> codes = entry.getValue().get(reach);
          if (codes != null) {
            String name = reach.name().toLowerCase(java.util.Locale.ROOT) + "s" + i;
            params.put(name, codes.toArray(String[]::new));
            placed.add("p." + reach.name().toLowerCase(java.util.Locale.ROOT) + "_code = any(:" + name + ")");
          }
        }
        if (!placed.isEmpty()) {
          reaches.add("t.unit_code = any(array(select p.code from jixiao.unit p where " + String.join(" or ", placed) + "))");
        }
        String reach = reaches.size() == 1 ? reaches.get(0) : "(" + String.join(" or ", reaches) + ")";
        branches.add("t.assignee is null and t.role = :role" + i + " and " + reach);
        i++;
      }
      if (admin && (filter.stage() == null || filter.stage() == Stage.DISCLOSURE)) {
        branches.add("t.assignee is null and t.role = 'admin'");
      }
    }
    if (branches.isEmpty()) {
      return new Page(List.of(), size, 0, false, null);
    }
    params.put("limit", size + 1);
    params.put("cap", COUNT_CAP + 1);
    String keyset = "";
    if (after != null) {
      keyset = " and (t.due_key, t.created_at, t.task_id) > (:afterDue, :afterCreated, :afterId)";
      params.put("afterDue", after.dueKey());
      params.put("afterCreated", after.created());
      params.put("afterId", after.id());
    }
    List<String> counted = new ArrayList<>();
    List<String> paged = new ArrayList<>();
    for (String branch : branches) {
      counted.add("(select 1 from jixiao.open_task t where " + branch + filters + " limit :cap)");
      paged.add("(" + COLUMNS + " where " + branch + filters + keyset + ORDER + " limit :limit)");
    }
    String itemsSql = "select k.*, u.name as unit_name from (" + String.join(" union all ", paged) + ") k"
        + " join jixiao.unit u on u.code = k.unit_code order by k.due_key, k.created, k.id limit :limit";
    String sql = "select c.n as total, p.* from (select count(*) as n from (" + String.join(" union all ", counted)
        + ") x) c left join (" + itemsSql + ") p on true order by p.due_key, p.created, p.id";
    List<Object[]> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Object[] {rs.getLong("total"), row(rs)}).list();
    long total = rows.isEmpty() ? 0 : (long) rows.get(0)[0];
    List<OpenTask> items = new ArrayList<>();
    rows.stream().map(r -> (OpenTask) r[1]).filter(java.util.Objects::nonNull).forEach(items::add);
    String next = null;
    if (items.size() > size) {
      items = new ArrayList<>(items.subList(0, size));
      next = TaskCursor.after(items.get(size - 1)).encode();
    }
    return new Page(List.copyOf(items), size, Math.min(total, COUNT_CAP), total > COUNT_CAP, next);
  }

  /** The open task of a package, if it has one (none once published). */
  public Optional<OpenTask> forReport(UUID reportId) {
    return jdbc.sql(SELECT + " where t.report_id = :report").param("report", reportId).query(OpenTask.class).optional();
  }

  Optional<OpenTask> find(String taskId) {
    return jdbc.sql(SELECT + " where t.task_id = :id").param("id", taskId).query(OpenTask.class).optional();
  }

  private static OpenTask row(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    if (id == null) {
      return null; // the count's row when the page is empty
    }
    return new OpenTask(id, rs.getObject("report_id", UUID.class), rs.getString("unit_code"), rs.getString("unit_name"),
        rs.getInt("year"), Stage.valueOf(rs.getString("stage")), rs.getString("role"), rs.getString("assignee"),
        rs.getObject("created", OffsetDateTime.class), rs.getObject("due", OffsetDateTime.class));
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
      sql.append(" and t.due_key < now()");
    }
    return sql.toString();
  }
}
