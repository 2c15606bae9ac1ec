package io.jixiao.ui;

import io.jixiao.audit.AuditTrail;
import io.jixiao.diagram.ProcessDiagram;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 历史: a package's audit trail and the lifecycle diagram with its current stage highlighted. */
@Controller
class HistoryPages {

  private final ReportService reports;
  private final AuditTrail trail;
  private final ProcessDiagram diagram;

  HistoryPages(ReportService reports, AuditTrail trail, ProcessDiagram diagram) {
    this.reports = reports;
    this.trail = trail;
    this.diagram = diagram;
  }

  @GetMapping("/reports/{id}/history")
  String history(@PathVariable UUID id, Model model) {
    Report report = reports.find(id);
    Stage stage = reports.stageOf(report);
    model.addAttribute("report", report);
    model.addAttribute("stage", stage);
    model.addAttribute("events", trail.history(id));
    model.addAttribute("diagram", diagram.svg(stage));
    return "history";
  }
}
