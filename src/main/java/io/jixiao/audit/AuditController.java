package io.jixiao.audit;

import io.jixiao.report.ReportService;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

  private final ReportService reports;
  private final AuditTrail trail;

  AuditController(ReportService reports, AuditTrail trail) {
    this.reports = reports;
    this.trail = trail;
  }

  /** Every creation, save, claim, transition, signature, comment and publication, oldest first. */
  @GetMapping("/api/reports/{id}/history")
  List<AuditEvent.Recorded> history(@PathVariable UUID id) {
    return trail.history(reports.find(id).id());
  }
}
