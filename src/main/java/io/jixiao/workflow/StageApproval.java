package io.jixiao.workflow;

import io.jixiao.report.ReportSnapshot;
import io.jixiao.report.Stage;

/**
 * One stage's APPROVE (submit, sign, pass, approve, publish): the checks it owns and the records it
 * writes, run inside {@link CompleteTask}'s transaction just before the engine moves the package on.
 */
interface StageApproval {

  Stage stage();

  /** Refuses (a domain exception) or records what the approval binds to. */
  void approve(Context context);

  /**
   * @param latest   the latest version, which the caller named
   * @param unitHash the hash of its unit content (review scores excluded), what a signature binds
   */
  record Context(TaskSteps.Held held, ReportSnapshot latest, String unitHash, String actor, String processInstanceId) {}
}
