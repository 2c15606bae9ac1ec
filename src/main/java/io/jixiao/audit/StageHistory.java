package io.jixiao.audit;

import io.jixiao.report.Stage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a cycle's packages stood at each stage at the end of each day, from the trail's stage
 * changes (creation, transitions, corrections): each change opens a span at its stage that the next
 * change closes, so a day's count is a running sum of +1/−1 per stage — one statement, however many
 * packages and events.
 */
@Component
public class StageHistory {

  /** The days and, per stage, the number of packages at the end of each of them. */
  public record Daily(List<LocalDate> days, Map<Stage, List<Integer>> counts) {}

  private final JdbcClient jdbc;

  StageHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cycle's last days up to {@code today} (at most {@code maxDays}, from its first event), days in {@code zone}. */
  public Daily perDay(long cycleId, LocalDate today, int maxDays, ZoneId zone) {
    TreeMap<LocalDate, Map<Stage, Integer>> byDay = new TreeMap<>();
    jdbc.sql("""
        with changes as (
          select e.report_id, e.at, e.stage_to,
                 lead(e.at) over (partition by e.report_id order by e.id) as until
            from jixiao.audit_event e join jixiao.report r on r.id = e.report_id
           where r.cycle_id = :cycle and e.kind in ('CREATED', 'TRANSITION', 'CORRECTION_STARTED')
             and e.stage_to is not null
        ), deltas as (
          select stage_to as stage, cast(at at time zone :zone as date) as day, 1 as d from changes
          union all
          select stage_to, cast(until at time zone :zone as date), -1 from changes where until is not null
        ), per_day as (
          select stage, day, sum(d) as d from deltas group by stage, day
        ), days as (
          select cast(g as date) as day
            from generate_series(greatest((select min(day) from per_day), cast(:today as date) - cast(:max as int) + 1),
                                 cast(:today as date), interval '1 day') g
        )
        select days.day, p.stage, sum(p.d) as n
          from days join per_day p on p.day <= days.day
         group by days.day, p.stage order by days.day
        """)
        .param("cycle", cycleId).param("zone", zone.getId()).param("today", today).param("max", maxDays)
        .query(rs -> {
          byDay.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new EnumMap<>(Stage.class))
              .put(Stage.valueOf(rs.getString("stage")), rs.getInt("n"));
        });
    List<LocalDate> days = new ArrayList<>(byDay.keySet());
    Map<Stage, List<Integer>> counts = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      counts.put(stage, byDay.values().stream().map(m -> m.getOrDefault(stage, 0)).toList());
    }
    return new Daily(days, counts);
  }
}
