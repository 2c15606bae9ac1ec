package io.jixiao.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a package's history. */
public record AuditEvent(
    UUID reportId, String actor, Kind kind, String stageFrom, String stageTo, String outcome, String comment,
    Integer version, String contentHash, String taskId) {

  public enum Kind {
    CREATED, SAVED, CLAIMED, UNCLAIMED, REASSIGNED, TRANSITION, SIGNED, COMMENTED, COMMENT_RESOLVED,
    REVIEW_SCORED, APPROVED, PUBLISHED, CORRECTION_STARTED
  }

  public static AuditEvent of(UUID reportId, String actor, Kind kind) {
    return new AuditEvent(reportId, actor, kind, null, null, null, null, null, null, null);
  }

  public AuditEvent stages(String from, String to) {
    return new AuditEvent(reportId, actor, kind, from, to, outcome, comment, version, contentHash, taskId);
  }

  public AuditEvent outcome(String outcome, String comment) {
    return new AuditEvent(reportId, actor, kind, stageFrom, stageTo, outcome, comment, version, contentHash, taskId);
  }

  public AuditEvent content(Integer version, String contentHash) {
    return new AuditEvent(reportId, actor, kind, stageFrom, stageTo, outcome, comment, version, contentHash, taskId);
  }

  public AuditEvent task(String taskId) {
    return new AuditEvent(reportId, actor, kind, stageFrom, stageTo, outcome, comment, version, contentHash, taskId);
  }

  /** As stored, with its sequence number and time. */
  public record Recorded(
      long id, UUID reportId, OffsetDateTime at, String actor, String kind, String stageFrom, String stageTo,
      String outcome, String comment, Integer version, String contentHash, String taskId) {}
}
