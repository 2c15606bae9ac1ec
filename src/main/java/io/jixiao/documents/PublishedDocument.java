package io.jixiao.documents;

import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Template;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the official documents print about one published version of a package. The documents
 * are a function of this record alone: the same record renders to the same bytes.
 *
 * @param unitName          the unit's name (预算部门名称), e.g. 新田县计划生育协会
 * @param unitCode          the unit's code
 * @param region            the region's name, e.g. 新田县
 * @param year              the evaluation year (评价年度)
 * @param reportId          the package's id
 * @param version           the published version
 * @param contentHash       SHA-256 (64 hex digits) of the published content; also seeds the PDF's document ID
 * @param publishedAt       when it was published; the documents' creation and modification time
 * @param publishedBy       who published it
 * @param financeApprovedAt when the finance bureau approved it; may be null
 * @param content           the published content, with finance's review scores
 * @param template          the cycle's template (first-level indicator names); may be null
 * @param evaluation        what {@link io.jixiao.form.Evaluator} computed for this content and template
 * @param signatures        the signature record, in order
 */
public record PublishedDocument(
    String unitName,
    String unitCode,
    String region,
    int year,
    UUID reportId,
    int version,
    String contentHash,
    Instant publishedAt,
    String publishedBy,
    Instant financeApprovedAt,
    ReportContent content,
    Template template,
    Evaluation evaluation,
    List<SignatureLine> signatures) {

  public PublishedDocument {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(evaluation, "evaluation");
    if (contentHash == null || !contentHash.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("contentHash must be 64 hex digits (SHA-256)");
    }
    contentHash = contentHash.toLowerCase(java.util.Locale.ROOT);
    signatures = signatures == null ? List.of() : List.copyOf(signatures);
  }
}
