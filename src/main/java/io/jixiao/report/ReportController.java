package io.jixiao.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jixiao.form.Finding;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Summary;
import io.jixiao.web.ETags;
import io.jixiao.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportService service;

  ReportController(ReportService service) {
    this.service = service;
  }

  record CreateReport(@NotBlank @Size(max = 60) String unitCode, @Min(2000) @Max(2100) int year) {}

  record ReportListItem(UUID id, String unitCode, String unitName, int year, String templateCode, int version) {}

  /**
   * A package as the API shows it: its content fields at the top level (so a GET body can be PUT
   * back unchanged) beside the read-only identity, summary and findings.
   */
  record ReportView(
      UUID id, String unitCode, String unitName, int year, String templateCode, Stage stage, int version,
      String contentHash,
      OffsetDateTime savedAt, String savedBy,
      @JsonUnwrapped ReportContent content,
      Summary summary, Map<String, Summary> projectSummaries, Map<String, BigDecimal> suggestions,
      List<Finding> findings) {

    static ReportView of(ReportSnapshot s, Stage stage) {
      Report r = s.report();
      return new ReportView(r.id(), r.unitCode(), r.unitName(), r.year(), r.templateCode(), stage, s.version().version(),
          s.version().contentHash(), s.version().createdAt(), s.version().createdBy(), s.content(),
          s.evaluation().overall(), s.evaluation().projects(), s.evaluation().suggestions(),
          s.evaluation().findings());
    }
  }

  @GetMapping
  List<ReportListItem> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unitCode) {
    return service.list(year, unitCode).stream()
        .map(r -> new ReportListItem(r.id(), r.unitCode(), r.unitName(), r.year(), r.templateCode(), r.latestVersion()))
        .toList();
  }

  @PostMapping
  ResponseEntity<ReportView> create(@Valid @RequestBody CreateReport request) {
    Report report = service.create(request.unitCode(), request.year());
    return withETag(ResponseEntity.created(URI.create("/api/reports/" + report.id())), service.snapshot(report.id()));
  }

  @GetMapping("/{id}")
  ResponseEntity<ReportView> get(@PathVariable UUID id) {
    return withETag(ResponseEntity.ok(), service.snapshot(id));
  }

  /** Saves the whole package as a new version. {@code If-Match} must carry the ETag of the version edited. */
  @PutMapping("/{id}")
  ResponseEntity<ReportView> put(
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ReportContent content) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少 If-Match",
          "保存须带上所编辑版本的 ETag (If-Match)，以免覆盖他人的修改", Map.of());
    }
    service.save(id, ETags.parse(ifMatch), content);
    return withETag(ResponseEntity.ok(), service.snapshot(id));
  }

  @GetMapping("/{id}/versions")
  List<ReportVersion> versions(@PathVariable UUID id) {
    return service.versions(id);
  }

  @GetMapping("/{id}/versions/{version}")
  ReportView version(@PathVariable UUID id, @PathVariable int version) {
    ReportSnapshot snapshot = service.snapshot(id, version);
    return ReportView.of(snapshot, service.stageOf(snapshot.report()));
  }

  private ResponseEntity<ReportView> withETag(ResponseEntity.BodyBuilder builder, ReportSnapshot snapshot) {
    return builder.eTag(ETags.of(snapshot.version().version()))
        .body(ReportView.of(snapshot, service.stageOf(snapshot.report())));
  }
}
