package io.jixiao.report;

/**
 * What the lifecycle (workflow module) tells the report module about a package. Implemented
 * there; declared here so reports do not depend on the engine.
 */
public interface ReportLifecycle {

  /** Refuses (403/409) unless the caller may edit the package's content now. */
  void checkEditable(Report report);

  /** The package's current stage name (DRAFT … PUBLISHED). */
  String stageOf(Report report);
}
