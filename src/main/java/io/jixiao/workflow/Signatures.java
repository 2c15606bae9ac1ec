package io.jixiao.workflow;

import io.jixiao.web.Problems;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Signatures, approvals and publications: append-only records that bind a step to exact content. */
@Component
class Signatures {

  record Signature(int version, String contentHash, String signer, OffsetDateTime signedAt) {}

  record Approval(int version, String contentHash, String approvedBy, OffsetDateTime approvedAt) {}

  record Publication(int version, String contentHash, String publishedBy, OffsetDateTime publishedAt) {}

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

  /** 409 unless the latest signature covers exactly this content: any edit since voids it. */
  void requireValid(UUID reportId, int version, String unitContentHash) {
    Optional<Signature> signature = latestSignature(reportId);
    if (signature.isEmpty() || !signature.get().contentHash().trim().equals(unitContentHash)) {
      throw Problems.conflict("signature-void", "单位负责人的签字不覆盖当前内容（签字后内容已修改），须退回重新签字");
    }
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

  /** Publishes the version finance approved, refusing if the content is not byte for byte that version. */
  void publish(UUID reportId, int latestVersion, String latestHash, String publisher) {
    Approval approval = latestApproval(reportId)
        .orElseThrow(() -> Problems.conflict("not-approved", "财政尚未复核通过，不能公开"));
    if (approval.version() != latestVersion || !approval.contentHash().trim().equals(latestHash)) {
      throw Problems.conflict("not-approved-version", "当前版本不是财政复核通过的版本，不能公开");
    }
    jdbc.sql("insert into jixiao.publication (report_id, version, content_hash, published_by) values (:r, :v, :h, :p)")
        .param("r", reportId).param("v", approval.version()).param("h", approval.contentHash().trim())
        .param("p", publisher).update();
  }

  Optional<Publication> latestPublication(UUID reportId) {
    return jdbc.sql("""
        select version, content_hash, published_by, published_at from jixiao.publication
         where report_id = :r order by id desc limit 1
        """).param("r", reportId).query(Publication.class).optional();
  }
}
