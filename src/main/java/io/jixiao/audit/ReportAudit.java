package io.jixiao.audit;

import io.jixiao.audit.AuditEvent.Kind;
import io.jixiao.report.ReportEvents;
import io.jixiao.report.Stage;
import io.jixiao.workflow.LifecycleEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to each package into the trail, from the events of the report and workflow
 * modules, in the transaction that made them: a step and its record commit or fail together.
 */
@Component
class ReportAudit {

  private final AuditTrail trail;

  ReportAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void created(ReportEvents.Created event) {
    trail.record(AuditEvent.of(event.reportId(), event.createdBy(), Kind.CREATED).stages(null, Stage.DRAFT.name()));
  }

  @EventListener
  void saved(ReportEvents.Saved event) {
    trail.record(AuditEvent.of(event.reportId(), event.savedBy(), Kind.SAVED)
        .content(event.version(), event.contentHash()));
  }

  @EventListener
  void claimed(LifecycleEvents.TaskClaimed event) {
    trail.record(at(event.reportId(), event.by(), Kind.CLAIMED, event.stage()).task(event.taskId()));
  }

  @EventListener
  void released(LifecycleEvents.TaskReleased event) {
    trail.record(at(event.reportId(), event.by(), Kind.UNCLAIMED, event.stage()).task(event.taskId()));
  }

  @EventListener
  void reassigned(LifecycleEvents.TaskReassigned event) {
    trail.record(at(event.reportId(), event.by(), Kind.REASSIGNED, event.stage())
        .outcome(null, "→ " + event.assignee()).task(event.taskId()));
  }

  @EventListener
  void completed(LifecycleEvents.StepCompleted event) {
    trail.record(AuditEvent.of(event.reportId(), event.by(), Kind.TRANSITION)
        .stages(event.from().name(), event.to().name()).outcome(event.outcome().name(), event.comment())
        .content(event.version(), event.contentHash()).task(event.taskId()));
  }

  @EventListener
  void signed(LifecycleEvents.Signed event) {
    trail.record(at(event.reportId(), event.by(), Kind.SIGNED, Stage.UNIT_SIGN)
        .content(event.version(), event.unitContentHash()));
  }

  @EventListener
  void approved(LifecycleEvents.Approved event) {
    trail.record(at(event.reportId(), event.by(), Kind.APPROVED, Stage.FINANCE_REVIEW)
        .content(event.version(), event.contentHash()));
  }

  @EventListener
  void published(LifecycleEvents.Published event) {
    trail.record(at(event.reportId(), event.by(), Kind.PUBLISHED, Stage.DISCLOSURE)
        .content(event.version(), event.contentHash()));
  }

  @EventListener
  void correctionStarted(LifecycleEvents.CorrectionStarted event) {
    trail.record(AuditEvent.of(event.reportId(), event.by(), Kind.CORRECTION_STARTED)
        .stages(Stage.PUBLISHED.name(), Stage.DRAFT.name()).outcome(null, event.reason()));
  }

  @EventListener
  void commented(LifecycleEvents.Commented event) {
    trail.record(at(event.reportId(), event.by(), Kind.COMMENTED, event.stage())
        .outcome(null, (event.path() == null ? "" : "[" + event.path() + "] ") + event.body())
        .content(event.version(), null));
  }

  @EventListener
  void resolved(LifecycleEvents.CommentResolved event) {
    trail.record(at(event.reportId(), event.by(), Kind.COMMENT_RESOLVED, event.stage())
        .outcome(null, "#" + event.commentId()));
  }

  @EventListener
  void scored(LifecycleEvents.ReviewScored event) {
    trail.record(at(event.reportId(), event.by(), Kind.REVIEW_SCORED, event.stage()).content(event.version(), null));
  }

  /** An entry for something done within one stage. */
  private static AuditEvent at(java.util.UUID reportId, String actor, Kind kind, Stage stage) {
    return AuditEvent.of(reportId, actor, kind).stages(stage.name(), stage.name());
  }
}
