package io.jixiao.cycle;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CycleRepository {

  private final JdbcClient jdbc;

  CycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The region's first cycle of that year (a region may run one per template). */
  public Optional<Cycle> find(String regionCode, int year) {
    return jdbc.sql("select * from jixiao.cycle where region_code = :region and year = :year order by id limit 1")
        .param("region", regionCode).param("year", year)
        .query(Cycle.class).optional();
  }

  public Optional<Cycle> find(String regionCode, int year, String templateCode) {
    return jdbc.sql("select * from jixiao.cycle where region_code = :region and year = :year and template_code = :template")
        .param("region", regionCode).param("year", year).param("template", templateCode)
        .query(Cycle.class).optional();
  }

  public Optional<Cycle> find(long id) {
    return jdbc.sql("select * from jixiao.cycle where id = :id").param("id", id).query(Cycle.class).optional();
  }

  /** Locks the cycle's row for the rest of the transaction: changes to one cycle happen one at a time. */
  public Optional<Cycle> lock(long id) {
    return jdbc.sql("select * from jixiao.cycle where id = :id for update").param("id", id).query(Cycle.class).optional();
  }

  /**
   * The cycle a unit's package of that year belongs to: the one listing the unit, else a cycle
   * covering its whole region.
   */
  public Optional<Cycle> findForUnit(String unitCode, String regionCode, int year) {
    return jdbc.sql("""
        select c.* from jixiao.cycle c
         where c.year = :year
           and (exists (select 1 from jixiao.cycle_unit cu where cu.cycle_id = c.id and cu.unit_code = :unit)
                or (c.all_units and c.region_code = :region))
         order by c.all_units, c.id limit 1
        """)
        .param("unit", unitCode).param("region", regionCode).param("year", year)
        .query(Cycle.class).optional();
  }

  /** Every cycle, newest year first; {@code regionCode} null for all regions. */
  public List<Cycle> list(String regionCode) {
    return jdbc.sql("""
        select * from jixiao.cycle where (cast(:region as text) is null or region_code = :region)
         order by year desc, region_code, template_code, id
        """)
        .param("region", regionCode).query(Cycle.class).list();
  }

  /** How many units each cycle includes: its listed units, or its region's units for a whole-region cycle. */
  public Map<Long, Integer> unitCounts() {
    Map<Long, Integer> counts = new LinkedHashMap<>();
    jdbc.sql("""
        select c.id, case when c.all_units
                          then (select count(*) from jixiao.unit u where u.region_code = c.region_code)
                          else (select count(*) from jixiao.cycle_unit cu where cu.cycle_id = c.id) end as n
          from jixiao.cycle c
        """)
        .query((rs, i) -> counts.put(rs.getLong("id"), rs.getInt("n"))).list();
    return counts;
  }

  /** The units a cycle lists, sorted. */
  public List<String> units(long cycleId) {
    return jdbc.sql("select unit_code from jixiao.cycle_unit where cycle_id = :id order by unit_code")
        .param("id", cycleId).query(String.class).list();
  }

  public boolean regionExists(String regionCode) {
    return jdbc.sql("select exists (select 1 from jixiao.region where code = :code)")
        .param("code", regionCode).query(Boolean.class).single();
  }

  /**
   * Of these units, those already in another cycle of the year than {@code cycleId} (listed there,
   * or covered by a whole-region cycle), with that cycle's id.
   */
  public Map<String, Long> inOtherCycles(Collection<String> unitCodes, int year, long cycleId) {
    Map<String, Long> found = new LinkedHashMap<>();
    jdbc.sql("""
        select cu.unit_code, cu.cycle_id from jixiao.cycle_unit cu
         where cu.year = :year and cu.unit_code = any(:codes) and cu.cycle_id <> :id
        union all
        select u.code, c.id from jixiao.unit u
          join jixiao.cycle c on c.region_code = u.region_code and c.year = :year and c.all_units and c.id <> :id
         where u.code = any(:codes)
         order by 1
        """)
        .param("codes", unitCodes.toArray(String[]::new)).param("year", year).param("id", cycleId)
        .query((rs, i) -> found.putIfAbsent(rs.getString(1), rs.getLong(2))).list();
    return found;
  }

  /**
   * Opens a cycle that lists its units ({@link #addUnits} adds them); empty if the region already has
   * one for that year and template (a concurrent opening waits for the other to commit, then finds it).
   */
  public Optional<Long> insertIfAbsent(String regionCode, int year, String templateCode, DueDates due, int publicationDays,
      String openedBy) {
    return jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due, sign_due, guidance_due, review_due,
                                  publish_due, all_units, publication_days, opened_by)
        values (:region, :year, :template, :draft, :sign, :guidance, :review, :publish, false, :days, :by)
        on conflict (region_code, year, template_code) do nothing
        returning id
        """)
        .param("region", regionCode).param("year", year).param("template", templateCode)
        .param("draft", due.draft()).param("sign", due.sign()).param("guidance", due.guidance())
        .param("review", due.review()).param("publish", due.publish()).param("days", publicationDays)
        .param("by", openedBy)
        .query(Long.class).optional();
  }

  /**
   * Lists the units in the cycle (those already listed stay as they are). A unit listed in another
   * cycle of the year fails on the (unit, year) key: the caller checks {@link #inOtherCycles} first.
   */
  public void addUnits(long cycleId, int year, Collection<String> unitCodes, String addedBy) {
    jdbc.sql("""
        insert into jixiao.cycle_unit (cycle_id, year, unit_code, added_by)
        select :id, :year, code, :by from unnest(cast(:codes as text[])) as code
        on conflict (cycle_id, unit_code) do nothing
        """)
        .param("id", cycleId).param("year", year).param("codes", unitCodes.toArray(String[]::new))
        .param("by", addedBy).update();
  }

  public void updateDueDates(long cycleId, DueDates due) {
    jdbc.sql("""
        update jixiao.cycle set draft_due = :draft, sign_due = :sign, guidance_due = :guidance,
                                review_due = :review, publish_due = :publish
         where id = :id
        """)
        .param("draft", due.draft()).param("sign", due.sign()).param("guidance", due.guidance())
        .param("review", due.review()).param("publish", due.publish()).param("id", cycleId)
        .update();
  }

  /** Closes the cycle to new packages; closing a closed cycle changes nothing. */
  public void close(long cycleId, String closedBy) {
    jdbc.sql("update jixiao.cycle set closed_at = now(), closed_by = :by where id = :id and closed_at is null")
        .param("id", cycleId).param("by", closedBy).update();
  }

  /**
   * Opens a cycle for every unit of the region with the customary due dates: drafts by the end of
   * March of the following year, each review stage two weeks later, publication within 20 days of
   * finance approval (财预〔2016〕143号). Does nothing if the region already has a cycle for that year.
   */
  public Cycle open(String regionCode, int year, String templateCode) {
    LocalDate draftDue = LocalDate.of(year + 1, 3, 31);
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due, sign_due, guidance_due, review_due, publish_due)
        select :region, :year, :template, :draft, :sign, :guidance, :review, :publish
         where not exists (select 1 from jixiao.cycle where region_code = :region and year = :year)
        on conflict do nothing
        """)
        .param("region", regionCode).param("year", year).param("template", templateCode)
        .param("draft", draftDue).param("sign", draftDue.plusDays(7)).param("guidance", draftDue.plusDays(21))
        .param("review", draftDue.plusDays(35)).param("publish", draftDue.plusDays(55))
        .update();
    return find(regionCode, year).orElseThrow();
  }
}
