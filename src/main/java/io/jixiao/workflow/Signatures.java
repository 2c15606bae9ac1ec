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

  Optional<Publication> latestPublication(UUID reportId) {
    return jdbc.sql("""
        select version, content_hash, published_by, published_at from jixiao.publication
         where report_id = :r order by id desc limit 1
        """).param("r", reportId).query(Publication.class).optional();
  }
}
