package io.jixiao.report;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the lifecycle (workflow module) tells the report module about packages — the one stage API.
 * Implemented there; declared here so reports do not depend on the engine.
 */
public interface ReportLifecycle {

  /** Refuses (403/409 as a domain exception) unless the caller may edit the package's content now. */
  void checkEditable(Report report);

  /** Refuses (403) unless the caller may open packages for this unit: its preparer, or an administrator. */
  void checkMayOpen(String unitCode);

  /** The package's current stage. */
  Stage stageOf(Report report);

  /** The stages of many packages in one query (list pages). */
  Map<UUID, Stage> stagesOf(Collection<UUID> reportIds);
}
