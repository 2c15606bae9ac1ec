package io.jixiao.report;

import io.jixiao.form.Finding;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Summary;
import io.jixiao.web.ETags;
import io.jixiao.web.Problems;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel import into a draft and the draft's workbook. {@code POST /api/reports/{id}/import} is the one
 * API endpoint that takes multipart ({@code file}): with {@code ?preview=true} it answers what would be
 * saved and the findings it would raise, writing nothing; without, {@code If-Match} names the version
 * previewed and the workbook is saved as the next version.
 */
@RestController
@RequestMapping("/api/reports/{id}")
class ReportImportController {

  private final ReportImport imports;
  private final ReportService reports;

  ReportImportController(ReportImport imports, ReportService reports) {
    this.imports = imports;
    this.reports = reports;
  }

  /**
   * The preview: the version it was read over (the If-Match to confirm with), the sheets read, the
   * content and its evaluation, and the cell each field came from ({@code cells}: finding path → 附件2!G20).
   */
  record ImportPreview(UUID id, int version, Map<String, String> sheets, ReportContent content, Summary summary,
      Map<String, Summary> projectSummaries, Map<String, BigDecimal> suggestions, List<Finding> findings,
      Map<String, String> cells) {}

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> importWorkbook(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean preview,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) throws IOException {
    byte[] bytes = file.getBytes();
    if (preview) {
      ReportImport.Preview p = imports.preview(id, bytes);
      return ResponseEntity.ok().eTag(ETags.of(p.version())).body(new ImportPreview(id, p.version(), p.sheets(),
          p.content(), p.evaluation().overall(), p.evaluation().projects(), p.evaluation().suggestions(),
          p.evaluation().findings(), p.cells()));
    }
    if (ifMatch == null || ifMatch.isBlank()) {
      throw Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少 If-Match",
          "导入须带上预览时的版本 ETag (If-Match)，以免覆盖他人的修改", Map.of());
    }
    imports.confirm(id, ETags.parse(ifMatch), bytes);
    ReportSnapshot snapshot = reports.snapshot(id);
    return ResponseEntity.ok().eTag(ETags.of(snapshot.version().version()))
        .body(ReportController.ReportView.of(snapshot, reports.stageOf(snapshot.report())));
  }

  /** The workbook of the latest version (or {@code ?version=}), in the layout the import reads back. */
  @GetMapping("/workbook")
  ResponseEntity<byte[]> workbook(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
    return imports.workbook(id, version).response();
  }
}
