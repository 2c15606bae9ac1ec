package io.jixiao.workflow;

import io.jixiao.audit.AuditEvent;
import io.jixiao.audit.AuditTrail;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A package's lifecycle: where it stands, its history, reviewers' comments and finance's scores. */
@RestController
@RequestMapping("/api/reports/{id}")
class LifecycleController {

  private final ReportService reports;
  private final Lifecycle lifecycle;
  private final Guidance guidance;
  private final AuditTrail trail;

  LifecycleController(ReportService reports, Lifecycle lifecycle, Guidance guidance, AuditTrail trail) {
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.guidance = guidance;
    this.trail = trail;
  }

  record NewComment(@Size(max = 200) String path, @NotBlank @Size(max = 4000) String body) {}

  record ReviewScoresRequest(@NotNull Map<String, BigDecimal> scores) {}

  record CorrectionRequest(@NotBlank @Size(max = 4000) String reason) {}

  /** 更正: a published package goes through the lifecycle again as new versions. */
  @PostMapping("/corrections")
  Map<String, Object> correct(@PathVariable UUID id, @Valid @RequestBody CorrectionRequest request) {
    return Map.of("reportId", id, "stage", lifecycle.startCorrection(id, request.reason()));
  }

  @GetMapping("/lifecycle")
  LifecycleState state(@PathVariable UUID id) {
    return lifecycle.state(reports.find(id));
  }

  /** Every creation, save, claim, transition, signature, comment and publication, oldest first. */
  @GetMapping("/history")
  List<AuditEvent.Recorded> history(@PathVariable UUID id) {
    return trail.history(reports.find(id).id());
  }

  @GetMapping("/comments")
  List<Guidance.Comment> comments(@PathVariable UUID id) {
    return guidance.list(id);
  }

  @PostMapping("/comments")
  @ResponseStatus(HttpStatus.CREATED)
  Guidance.Comment comment(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
    return guidance.add(id, comment.path(), comment.body());
  }

  @PostMapping("/comments/{commentId}/resolve")
  Guidance.Comment resolve(@PathVariable UUID id, @PathVariable long commentId) {
    return guidance.resolve(id, commentId);
  }

  /** 复核得分 by row path, e.g. {"scores": {"overall.indicators[0]": 14, "overall.funds[TOTAL]": 10}}. */
  @PutMapping("/review-scores")
  Map<String, Object> reviewScores(@PathVariable UUID id, @Valid @RequestBody ReviewScoresRequest request) {
    Report revised = lifecycle.enterReviewScores(id, request.scores());
    var summary = reports.snapshot(id).evaluation().overall();
    return Map.of("version", revised.latestVersion(), "summary", summary);
  }
}
