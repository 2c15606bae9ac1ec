package io.jixiao.disclosure;

import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.form.Evaluation;
import io.jixiao.form.Evaluator;
import io.jixiao.form.Grade;
import io.jixiao.form.ReportContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code jixiao.published_package}: freezing a published version into it, and every public read.
 * Public reads touch no other table, so nothing but what was published can reach them.
 */
@Repository
class PublishedPackages {

  /** What a publication freezes, read from the report, its version and the lifecycle's records. */
  private static final String SOURCE = """
      select r.id, rv.version, r.unit_code, u.name as unit_name, g.code as region_code, g.name as region_name,
             r.year, c.template_code, c.publication_days, rv.content::text as content, rv.content_hash,
             p.published_by, p.published_at, a.approved_by, a.approved_at,
             s.version as signed_version, s.content_hash as signed_content_hash, s.signer, s.signed_at
        from jixiao.report r
        join jixiao.unit u on u.code = r.unit_code
        join jixiao.region g on g.code = u.region_code
        join jixiao.cycle c on c.id = r.cycle_id
        join jixiao.report_version rv on rv.report_id = r.id and rv.version = :version
        join lateral (select published_by, published_at from jixiao.publication
                       where report_id = r.id and version = rv.version order by id limit 1) p on true
        join lateral (select approved_by, approved_at from jixiao.approval
                       where report_id = r.id and version = rv.version and content_hash = rv.content_hash
                         and approved_at <= p.published_at order by id desc limit 1) a on true
        left join lateral (select version, content_hash, signer, signed_at from jixiao.signature
                            where report_id = r.id and version <= rv.version and signed_at <= p.published_at
                            order by id desc limit 1) s on true
       where r.id = :report
      """;

  private static final String COLUMNS = """
      report_id, version, unit_code, unit_name, region_code, region_name, year, template_code, content::text as content,
      content_hash, evaluation::text as evaluation, approved_by, approved_at, signed_version, signed_content_hash,
      signed_by, signed_at, published_by, published_at, publication_days
      """;

  private static final String SUMMARY_COLUMNS = """
      report_id, version, unit_code, unit_name, region_code, region_name, year, total_score, grade, review_total,
      review_grade, content_hash, approved_at, published_at, publication_days
      """;

  /** Only the newest published version of each package. */
  private static final String NEWEST = """
      version = (select max(x.version) from jixiao.published_package x where x.report_id = p.report_id)
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final TemplateCatalog templates;

  PublishedPackages(JdbcClient jdbc, JsonMapper json, TemplateCatalog templates) {
    this.jdbc = jdbc;
    this.json = json;
    this.templates = templates;
  }

  /**
   * Freezes the published {@code version} of a package: its stored content copied as stored, the
   * evaluation computed from it now (as the staff pages computed it when it was published), the
   * approval it rests on, the signature and the publication. Idempotent: a version frozen before
   * stays as it was (the same version has the same content). False if there was nothing to freeze
   * (no publication of that version) or it was frozen already.
   */
  boolean freeze(UUID reportId, int version) {
    Optional<Map<String, Object>> source = jdbc.sql(SOURCE).param("report", reportId).param("version", version)
        .query((rs, n) -> row(rs)).optional();
    if (source.isEmpty()) {
      return false;
    }
    Map<String, Object> s = source.get();
    ReportContent content = json.readValue((String) s.get("content"), ReportContent.class);
    Evaluation evaluation = Evaluator.evaluate(content, templates.get((String) s.get("template_code")),
        (Integer) s.get("year"));
    var summary = evaluation.overall();
    return jdbc.sql("""
        insert into jixiao.published_package
          (report_id, version, unit_code, unit_name, region_code, region_name, year, template_code, content,
           content_hash, evaluation, total_score, grade, review_total, review_grade, approved_by, approved_at,
           signed_version, signed_content_hash, signed_by, signed_at, published_by, published_at, publication_days)
        select :report, :version, :unitCode, :unitName, :regionCode, :regionName, :year, :template, rv.content,
               rv.content_hash, cast(:evaluation as jsonb), :total, :grade, :reviewTotal, :reviewGrade,
               :approvedBy, :approvedAt, :signedVersion, :signedHash, :signedBy, :signedAt, :publishedBy, :publishedAt, :publicationDays
          from jixiao.report_version rv where rv.report_id = :report and rv.version = :version
        on conflict (report_id, version) do nothing
        """)
        .param("report", reportId).param("version", version)
        .param("unitCode", s.get("unit_code")).param("unitName", s.get("unit_name"))
        .param("regionCode", s.get("region_code")).param("regionName", s.get("region_name"))
        .param("year", s.get("year")).param("template", s.get("template_code"))
        .param("evaluation", json.writeValueAsString(evaluation))
        .param("total", summary.totalScore()).param("grade", name(summary.grade()))
        .param("reviewTotal", summary.reviewTotal()).param("reviewGrade", name(summary.reviewGrade()))
        .param("approvedBy", s.get("approved_by")).param("approvedAt", s.get("approved_at"))
        .param("signedVersion", s.get("signed_version")).param("signedHash", s.get("signed_content_hash"))
        .param("signedBy", s.get("signer")).param("signedAt", s.get("signed_at"))
        .param("publishedBy", s.get("published_by")).param("publishedAt", s.get("published_at"))
        .param("publicationDays", s.get("publication_days"))
        .update() == 1;
  }

  boolean isFrozen(UUID reportId, int version) {
    return jdbc.sql("select exists(select 1 from jixiao.published_package where report_id = :r and version = :v)")
        .param("r", reportId).param("v", version).query(Boolean.class).single();
  }

  /** Every frozen (report, version), oldest publication first. */
  List<Map.Entry<UUID, Integer>> allVersions() {
    return jdbc.sql("select report_id, version from jixiao.published_package order by published_at, report_id, version")
        .query((rs, n) -> Map.entry(rs.getObject("report_id", UUID.class), rs.getInt("version"))).list();
  }

  /** Publications with no frozen row: those made before this table existed (migration V7). */
  List<Map.Entry<UUID, Integer>> unfrozen() {
    return jdbc.sql("""
        select distinct p.report_id, p.version from jixiao.publication p
         where not exists (select 1 from jixiao.published_package f where f.report_id = p.report_id and f.version = p.version)
         order by p.report_id, p.version
        """).query((rs, n) -> Map.entry(rs.getObject("report_id", UUID.class), rs.getInt("version"))).list();
  }

  /** The newest published version of a package. */
  Optional<PublishedPackage> newest(UUID reportId) {
    return jdbc.sql("select " + COLUMNS + " from jixiao.published_package p where report_id = :r and " + NEWEST)
        .param("r", reportId).query((rs, n) -> published(rs)).optional();
  }

  /** A published version of a package; empty for a version that was never published. */
  Optional<PublishedPackage> version(UUID reportId, int version) {
    return jdbc.sql("select " + COLUMNS + " from jixiao.published_package p where report_id = :r and version = :v")
        .param("r", reportId).param("v", version).query((rs, n) -> published(rs)).optional();
  }

  /** Every published version of a package, oldest first. */
  List<PublishedSummary> versions(UUID reportId) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from jixiao.published_package p where report_id = :r order by version")
        .param("r", reportId).query((rs, n) -> summary(rs)).list();
  }

  /** Published versions whose content has this hash. */
  List<PublishedSummary> withContentHash(String hash) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from jixiao.published_package p where content_hash = :h"
            + " order by published_at, report_id, version limit 20")
        .param("h", hash).query((rs, n) -> summary(rs)).list();
  }

  /** A page of the newest published versions, matching the filter, year first (newest), then region and unit. */
  PublicReports.Page list(PublicReports.Filter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" where " + NEWEST);
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.year() != null) {
      where.append(" and year = :year");
      params.put("year", filter.year());
    }
    if (filter.region() != null) {
      where.append(" and (region_code = :region or region_name = :region)");
      params.put("region", filter.region());
    }
    if (filter.unit() != null) {
      where.append(" and (unit_code = :unit or unit_name like :unitLike escape '\\')");
      params.put("unit", filter.unit());
      params.put("unitLike", "%" + filter.unit().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Object[]> rows = jdbc.sql("select count(*) over () as total, " + SUMMARY_COLUMNS
            + " from jixiao.published_package p" + where
            + " order by year desc, region_code, unit_code, report_id limit :limit offset :offset")
        .params(params).query((rs, n) -> new Object[] {rs.getLong("total"), summary(rs)}).list();
    long total = rows.isEmpty() ? count(where.toString(), params) : (Long) rows.get(0)[0];
    return new PublicReports.Page(rows.stream().map(r -> (PublishedSummary) r[1]).toList(), page, size, total);
  }

  private long count(String where, Map<String, Object> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.remove("limit");
    p.remove("offset");
    return jdbc.sql("select count(*) from jixiao.published_package p" + where).params(p).query(Long.class).single();
  }

  /** The years, regions (code → name) any package was published for, for the portal's filters. */
  List<Integer> years() {
    return jdbc.sql("select distinct year from jixiao.published_package order by year desc").query(Integer.class).list();
  }

  Map<String, String> regions() {
    Map<String, String> regions = new LinkedHashMap<>();
    jdbc.sql("select distinct region_code, region_name from jixiao.published_package order by region_code")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> regions.put(e.getKey(), e.getValue()));
    return regions;
  }

  private PublishedPackage published(ResultSet rs) throws SQLException {
    String content = rs.getString("content");
    Integer signedVersion = (Integer) rs.getObject("signed_version");
    var signature = signedVersion == null ? null : new PublishedPackage.SignatureRecord(signedVersion,
        rs.getString("signed_content_hash"), rs.getString("signed_by"), rs.getObject("signed_at", OffsetDateTime.class));
    return new PublishedPackage(rs.getObject("report_id", UUID.class), rs.getInt("version"), rs.getString("unit_code"),
        rs.getString("unit_name"), rs.getString("region_code"), rs.getString("region_name"), rs.getInt("year"),
        rs.getString("template_code"), content, json.readValue(content, ReportContent.class),
        rs.getString("content_hash"), json.readValue(rs.getString("evaluation"), Evaluation.class),
        rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class), signature,
        rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class), rs.getInt("publication_days"));
  }

  private static PublishedSummary summary(ResultSet rs) throws SQLException {
    return new PublishedSummary(rs.getObject("report_id", UUID.class), rs.getInt("version"), rs.getString("unit_code"),
        rs.getString("unit_name"), rs.getString("region_code"), rs.getString("region_name"), rs.getInt("year"),
        rs.getBigDecimal("total_score"), grade(rs.getString("grade")), rs.getBigDecimal("review_total"),
        grade(rs.getString("review_grade")), rs.getString("content_hash"),
        rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
        rs.getInt("publication_days"));
  }

  private static Map<String, Object> row(ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    var meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String column = meta.getColumnLabel(i);
      row.put(column, column.endsWith("_at") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
    }
    return row;
  }

  private static Grade grade(String name) {
    return name == null ? null : Grade.valueOf(name);
  }

  private static String name(Grade grade) {
    return grade == null ? null : grade.name();
  }
}
