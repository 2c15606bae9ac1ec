package io.jixiao.workflow;

import io.jixiao.report.Stage;
import java.util.UUID;

/**
 * What the lifecycle did, for the modules that react (the audit trail today; notifications and
 * disclosure next). Published inside the step's transaction: a listener's write commits or fails with it.
 */
public final class LifecycleEvents {

  private LifecycleEvents() {}

  public record TaskClaimed(UUID reportId, String taskId, Stage stage, String by) {}

  public record TaskReleased(UUID reportId, String taskId, Stage stage, String by) {}

  public record TaskReassigned(UUID reportId, String taskId, Stage stage, String assignee, String by) {}

  /** A task was completed: the package moved {@code from → to}, acting on {@code version}. */
  public record StepCompleted(
      UUID reportId, String taskId, Stage from, Stage to, Outcome outcome, String comment, int version,
      String contentHash, String by) {}

  public record Signed(UUID reportId, int version, String unitContentHash, String by) {}

  public record Approved(UUID reportId, int version, String contentHash, String by) {}

  public record Published(UUID reportId, int version, String contentHash, String by) {}

  public record CorrectionStarted(UUID reportId, String reason, String by) {}

  public record Commented(UUID reportId, Stage stage, int version, String path, String body, String by) {}

  public record CommentResolved(UUID reportId, Stage stage, long commentId, String by) {}

  public record ReviewScored(UUID reportId, Stage stage, int version, String by) {}
}
