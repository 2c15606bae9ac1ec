package io.jixiao.report;

import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;
import io.jixiao.security.UnitScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reports and their immutable versions. Every read takes the caller's unit scope. */
@Repository
class ReportRepository {

  private static final String SELECT_REPORT = """
      select r.id, r.unit_code, u.name as unit_name, r.year, r.cycle_id, c.template_code, r.latest_version,
             r.created_at, r.created_by
        from jixiao.report r
        join jixiao.unit u on u.code = r.unit_code
        join jixiao.cycle c on c.id = r.cycle_id
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ReportRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Report> find(UUID id, UnitScope scope) {
    return jdbc.sql(SELECT_REPORT + " where r.id = :id").param("id", id)
        .query(Report.class).optional()
        .filter(report -> scope.includes(report.unitCode()));
  }

  boolean exists(String unitCode, int year) {
    return jdbc.sql("select exists(select 1 from jixiao.report where unit_code = :unit and year = :year)")
        .param("unit", unitCode).param("year", year).query(Boolean.class).single();
  }

  java.util.Map<String, Long> cyclesOf(java.util.Collection<String> unitCodes, int year) {
    java.util.Map<String, Long> found = new java.util.LinkedHashMap<>();
    jdbc.sql("select unit_code, cycle_id from jixiao.report where year = :year and unit_code = any(:codes)")
        .param("year", year).param("codes", unitCodes.toArray(String[]::new))
        .query((rs, i) -> found.put(rs.getString(1), rs.getLong(2))).list();
    return found;
  }

  List<Report> list(UnitScope scope, Integer year, String unitCode) {
    StringBuilder sql = new StringBuilder(SELECT_REPORT).append(" where true");
    var statement = new java.util.LinkedHashMap<String, Object>();
    String[] codes = scope.codesOrNull();
    if (codes != null) {
      sql.append(" and r.unit_code = any(:codes)");
      statement.put("codes", codes);
    }
    if (year != null) {
      sql.append(" and r.year = :year");
      statement.put("year", year);
    }
    if (unitCode != null) {
      sql.append(" and r.unit_code = :unit");
      statement.put("unit", unitCode);
    }
    sql.append(" order by r.year desc, r.unit_code limit 1000");
    return jdbc.sql(sql.toString()).params(statement).query(Report.class).list();
  }

  void insert(UUID id, String unitCode, int year, long cycleId, String createdBy) {
    jdbc.sql("""
        insert into jixiao.report (id, unit_code, year, cycle_id, latest_version, created_by)
        values (:id, :unit, :year, :cycle, 0, :by)
        """)
        .param("id", id).param("unit", unitCode).param("year", year).param("cycle", cycleId).param("by", createdBy)
        .update();
  }

  /** Locks the report's row for the rest of the transaction and reads it; empty if absent or out of scope. */
  Optional<Report> lockAndFind(UUID id, UnitScope scope) {
    return jdbc.sql(SELECT_REPORT + " where r.id = :id for update of r").param("id", id)
        .query(Report.class).optional()
        .filter(report -> scope.includes(report.unitCode()));
  }

  /**
   * Moves the report's latest version from {@code expected} to {@code expected + 1}; false when
   * another save got there first (the row lock makes concurrent savers queue, then fail here).
   */
  boolean advanceVersion(UUID id, int expected) {
    return jdbc.sql("update jixiao.report set latest_version = latest_version + 1 where id = :id and latest_version = :expected")
        .param("id", id).param("expected", expected).update() == 1;
  }

  void insertVersion(UUID id, int version, ReportContent content, String hash, Evaluation evaluation, String createdBy) {
    var summary = evaluation.overall();
    long errors = evaluation.findings().stream().filter(f -> f.severity() == io.jixiao.form.Severity.ERROR).count();
    jdbc.sql("""
        insert into jixiao.report_version
          (report_id, version, content, content_hash, total_score, grade, review_total, error_count, warning_count, created_by)
        values (:id, :version, cast(:content as jsonb), :hash, :total, :grade, :review, :errors, :warnings, :by)
        """)
        .param("id", id).param("version", version).param("content", json.writeValueAsString(content))
        .param("hash", hash)
        .param("total", summary.totalScore())
        .param("grade", summary.grade() == null ? null : summary.grade().name())
        .param("review", summary.reviewTotal())
        .param("errors", (int) errors)
        .param("warnings", evaluation.findings().size() - (int) errors)
        .param("by", createdBy)
        .update();
  }

  Optional<ReportContent> content(UUID id, int version) {
    return jdbc.sql("select content::text from jixiao.report_version where report_id = :id and version = :version")
        .param("id", id).param("version", version)
        .query(String.class).optional()
        .map(text -> json.readValue(text, ReportContent.class));
  }

  Optional<ReportVersion> version(UUID id, int version) {
    return jdbc.sql("""
        select version, content_hash, total_score, grade, review_total, error_count, warning_count, created_at, created_by
          from jixiao.report_version where report_id = :id and version = :version
        """)
        .param("id", id).param("version", version).query(ReportVersion.class).optional();
  }

  List<ReportVersion> versions(UUID id) {
    return jdbc.sql("""
        select version, content_hash, total_score, grade, review_total, error_count, warning_count, created_at, created_by
          from jixiao.report_version where report_id = :id order by version
        """)
        .param("id", id).query(ReportVersion.class).list();
  }
}
