package io.jixiao.report;

import java.util.UUID;

/** What happens to report packages, for the modules that react (workflow, audit). Published inside the transaction. */
public final class ReportEvents {

  private ReportEvents() {}

  /** A package was created; its lifecycle starts. */
  public record Created(UUID reportId, String unitCode, int year, String createdBy) {}

  /** A new version was saved. */
  public record Saved(UUID reportId, String unitCode, int version, String contentHash, String savedBy) {}
}
