package io.jixiao.workflow;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Signatures, approvals and publications: append-only records that bind a step to exact content. */
@Component
class Signatures {

  private final JdbcClient jdbc;

  Signatures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void sign(UUID reportId, int version, String unitContentHash, String signer) {
    jdbc.sql("insert into jixiao.signature (report_id, version, content_hash, signer) values (:r, :v, :h, :s)")
        .param("r", reportId).param("v", version).param("h", unitContentHash).param("s", signer).update();
  }

  Optional<Signature> latestSignature(UUID reportId) {
    return jdbc.sql("""
        select version, content_hash, signer, signed_at from jixiao.signature
         where report_id = :r order by id desc limit 1
        """).param("r", reportId).query(Signature.class).optional();
  }

  void approve(UUID reportId, int version, String contentHash, String approver) {
    jdbc.sql("insert into jixiao.approval (report_id, version, content_hash, approved_by) values (:r, :v, :h, :a)")
        .param("r", reportId).param("v", version).param("h", contentHash).param("a", approver).update();
  }

  Optional<Approval> latestApproval(UUID reportId) {
    return jdbc.sql("""
        select version, content_hash, approved_by, approved_at from jixiao.approval
         where report_id = :r order by id desc limit 1
        """).param("r", reportId).query(Approval.class).optional();
  }

  void publish(UUID reportId, Approval approved, String publisher) {
    jdbc.sql("insert into jixiao.publication (report_id, version, content_hash, published_by) values (:r, :v, :h, :p)")
        .param("r", reportId).param("v", approved.version()).param("h", approved.contentHash())
        .param("p", publisher).update();
  }

  /** The latest signature, approval and publication of a package, each null if there is none. */
  record Latest(Signature signature, Approval approval, Publication publication) {}

  /** {@link #latestSignature}, {@link #latestApproval} and {@link #latestPublication} in one round trip. */
  Latest latest(UUID reportId) {
    return jdbc.sql("""
        select s.version as s_version, s.content_hash as s_hash, s.signer, s.signed_at,
               a.version as a_version, a.content_hash as a_hash, a.approved_by, a.approved_at,
               p.version as p_version, p.content_hash as p_hash, p.published_by, p.published_at
          from (select 1) one
          left join lateral (select version, content_hash, signer, signed_at from jixiao.signature
                              where report_id = :r order by id desc limit 1) s on true
          left join lateral (select version, content_hash, approved_by, approved_at from jixiao.approval
                              where report_id = :r order by id desc limit 1) a on true
          left join lateral (select version, content_hash, published_by, published_at from jixiao.publication
                              where report_id = :r order by id desc limit 1) p on true
        """).param("r", reportId).query((rs, n) -> new Latest(
            rs.getString("s_hash") == null ? null : new Signature(rs.getInt("s_version"), rs.getString("s_hash"),
                rs.getString("signer"), rs.getObject("signed_at", java.time.OffsetDateTime.class)),
            rs.getString("a_hash") == null ? null : new Approval(rs.getInt("a_version"), rs.getString("a_hash"),
                rs.getString("approved_by"), rs.getObject("approved_at", java.time.OffsetDateTime.class)),
            rs.getString("p_hash") == null ? null : new Publication(rs.getInt("p_version"), rs.getString("p_hash"),
                rs.getString("published_by"), rs.getObject("published_at", java.time.OffsetDateTime.class))))
        .single();
  }

  Optional<Publication> latestPublication(UUID reportId) {
    return jdbc.sql("""
        select version, content_hash, published_by, published_at from jixiao.publication
         where report_id = :r order by id desc limit 1
        """).param("r", reportId).query(Publication.class).optional();
  }
}
