package io.jixiao.audit;

import io.jixiao.report.ReportEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records creations and saves in the trail, in the transaction that made them. */
@Component
class ReportAudit {

  private final AuditTrail trail;

  ReportAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void created(ReportEvents.Created event) {
    trail.record(AuditEvent.of(event.reportId(), event.createdBy(), AuditEvent.Kind.CREATED).stages(null, "DRAFT"));
  }

  @EventListener
  void saved(ReportEvents.Saved event) {
    trail.record(AuditEvent.of(event.reportId(), event.savedBy(), AuditEvent.Kind.SAVED)
        .content(event.version(), event.contentHash()));
  }
}
