package io.jixiao.workflow;

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

/** A package's lifecycle: where it stands, reviewers' comments, finance's scores and corrections. */
@RestController
@RequestMapping("/api/reports/{id}")
class LifecycleController {

  private final ReportService reports;
  private final LifecycleQueries queries;
  private final StartLifecycle start;
  private final Guidance guidance;
  private final EnterReviewScores reviewScores;

  LifecycleController(ReportService reports, LifecycleQueries queries, StartLifecycle start, Guidance guidance,
      EnterReviewScores reviewScores) {
    this.reports = reports;
    this.queries = queries;
    this.start = start;
    this.guidance = guidance;
    this.reviewScores = reviewScores;
  }

  record NewComment(@Size(max = 200) String path, @NotBlank @Size(max = 4000) String body) {}

  /** @param version the version scored (optional; when given, a newer one is a 409) */
  record ReviewScoresRequest(@NotNull Map<String, BigDecimal> scores, Integer version) {}

  record CorrectionRequest(@NotBlank @Size(max = 4000) String reason) {}

  /** 更正: a published package goes through the lifecycle again as new versions. */
  @PostMapping("/corrections")
  Map<String, Object> correct(@PathVariable UUID id, @Valid @RequestBody CorrectionRequest request) {
    return Map.of("reportId", id, "stage", start.correct(id, request.reason()));
  }

  @GetMapping("/lifecycle")
  LifecycleState state(@PathVariable UUID id) {
    return queries.state(reports.find(id));
  }

  @GetMapping("/comments")
  List<Guidance.Comment> comments(@PathVariable UUID id) {
    return guidance.list(id);
  }

  /** A comment by the holder of the stage's task. */
  @PostMapping("/comments")
  @ResponseStatus(HttpStatus.CREATED)
  Guidance.Comment comment(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
    return guidance.add(id, comment.path(), comment.body(), false);
  }

  @PostMapping("/comments/{commentId}/resolve")
  Guidance.Comment resolve(@PathVariable UUID id, @PathVariable long commentId) {
    return guidance.resolve(id, commentId, false);
  }

  /** 复核得分 by row path, e.g. {"scores": {"overall.indicators[0]": 14, "overall.funds[TOTAL]": 10}}. */
  @PutMapping("/review-scores")
  Map<String, Object> reviewScores(@PathVariable UUID id, @Valid @RequestBody ReviewScoresRequest request) {
    Report revised = reviewScores.enter(id, request.scores(), request.version(), false);
    var summary = reports.snapshot(id).evaluation().overall();
    return Map.of("version", revised.latestVersion(), "summary", summary);
  }
}
