package io.jixiao.cycle;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CycleRepository {

  private final JdbcClient jdbc;

  CycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Cycle> find(String regionCode, int year) {
    return jdbc.sql("select * from jixiao.cycle where region_code = :region and year = :year")
        .param("region", regionCode).param("year", year)
        .query(Cycle.class).optional();
  }

  public Optional<Cycle> find(long id) {
    return jdbc.sql("select * from jixiao.cycle where id = :id").param("id", id).query(Cycle.class).optional();
  }

  /**
   * Opens a cycle with the customary due dates: drafts by the end of March of the following year,
   * each review stage two weeks later, publication within 20 days of finance approval (财预〔2016〕143号).
   * Does nothing if the region already has a cycle for that year.
   */
  public Cycle open(String regionCode, int year, String templateCode) {
    LocalDate draftDue = LocalDate.of(year + 1, 3, 31);
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due, sign_due, guidance_due, review_due, publish_due)
        values (:region, :year, :template, :draft, :sign, :guidance, :review, :publish)
        on conflict (region_code, year) do nothing
        """)
        .param("region", regionCode).param("year", year).param("template", templateCode)
        .param("draft", draftDue).param("sign", draftDue.plusDays(7)).param("guidance", draftDue.plusDays(21))
        .param("review", draftDue.plusDays(35)).param("publish", draftDue.plusDays(55))
        .update();
    return find(regionCode, year).orElseThrow();
  }
}
