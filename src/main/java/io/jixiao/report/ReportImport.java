package io.jixiao.report;

import io.jixiao.documents.WorkbookImport;
import io.jixiao.documents.WorkbookImport.CellError;
import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;
import io.jixiao.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a workbook into a draft (issue 14): {@link #preview} reads it over the latest version and
 * says what would be saved and which findings it would raise, writing nothing; {@link #confirm} reads
 * it again and saves it as the next version through {@link ReportService#save}, so the same
 * permission (the unit's preparer, in DRAFT), stale-version check (412) and validation apply. A
 * workbook with any problem is refused whole ({@link WorkbookRefused}, 400; over the size cap 413).
 */
@Service
public class ReportImport {

  private final ReportService reports;
  private final ReportLifecycle lifecycle;
  private final Validator validator;
  private final io.jixiao.documents.PackageWorkbook workbooks;
  private final io.jixiao.unit.UnitRepository units;
  private final io.jixiao.security.CurrentUser user;

  ReportImport(ReportService reports, ReportLifecycle lifecycle, Validator validator,
      io.jixiao.documents.PackageWorkbook workbooks, io.jixiao.unit.UnitRepository units,
      io.jixiao.security.CurrentUser user) {
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.validator = validator;
    this.workbooks = workbooks;
    this.units = units;
    this.user = user;
  }

  /** A version's workbook: {@code <unit code>-<year>-v<version>.xlsx}. */
  public record Workbook(String fileName, int version, byte[] bytes) {

    /** As a download. */
    public org.springframework.http.ResponseEntity<byte[]> response() {
      return org.springframework.http.ResponseEntity.ok()
          .contentType(org.springframework.http.MediaType.parseMediaType(io.jixiao.documents.PackageWorkbook.MEDIA_TYPE))
          .eTag(io.jixiao.web.ETags.of(version))
          .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
              org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString())
          .body(bytes);
    }
  }

  /**
   * The workbook of a version (the latest without one) in the one layout ({@code documents.WorkbookLayout})
   * that {@link #preview} reads back; its 公开信息 sheet records the version, its hash and who saved it when.
   * Anyone who may see the package may download it.
   */
  public Workbook workbook(UUID id, Integer version) {
    ReportSnapshot s = version == null ? reports.snapshot(id) : reports.snapshot(id, version);
    Report r = s.report();
    String region = units.find(r.unitCode(), user.unitScope()).map(io.jixiao.unit.Unit::regionName).orElse("");
    var document = new io.jixiao.documents.PublishedDocument(r.unitName(), r.unitCode(), region, r.year(), r.id(),
        s.version().version(), s.version().contentHash(), s.version().createdAt().toInstant(), s.version().createdBy(),
        null, s.content(), reports.template(r), s.evaluation(), List.of());
    return new Workbook(r.unitCode() + "-" + r.year() + "-v" + s.version().version() + ".xlsx", s.version().version(),
        workbooks.render(document));
  }

  /**
   * What an import would save.
   *
   * @param version the version it is laid over (the latest): the one a confirmation names
   * @param sheets  the sheets read, with the table each was recognised as
   */
  public record Preview(Report report, int version, Map<String, String> sheets, ReportContent content,
      Evaluation evaluation, Map<String, String> cells) {

    /** The cell a finding's path came from ({@code 附件2!G20}), or "". */
    public String cellOf(String path) {
      return WorkbookImport.cellOf(cells, path).orElse("");
    }
  }

  @Transactional(readOnly = true)
  public Preview preview(UUID id, byte[] workbook) {
    Report report = reports.find(id);
    lifecycle.checkEditable(report);
    int version = report.latestVersion();
    WorkbookImport.Result read = read(report, version, workbook);
    return new Preview(report, version, read.sheets(), read.content(), reports.preview(id, read.content()),
        read.cells());
  }

  /** Saves the workbook over {@code expectedVersion}, the version the preparer previewed (412 if another was saved since). */
  @Transactional
  public Report confirm(UUID id, int expectedVersion, byte[] workbook) {
    Report report = reports.find(id);
    lifecycle.checkEditable(report);
    if (report.latestVersion() != expectedVersion) {
      throw StaleVersion.ofSave(report.latestVersion(), expectedVersion);
    }
    WorkbookImport.Result read = read(report, expectedVersion, workbook);
    return reports.save(id, expectedVersion, read.content());
  }

  private WorkbookImport.Result read(Report report, int version, byte[] workbook) {
    WorkbookImport.Result read = WorkbookImport.read(workbook, reports.content(report.id(), version),
        reports.template(report));
    if (read.failure() == WorkbookImport.Failure.TOO_LARGE) {
      throw Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "文件过大 Content too large",
          read.errors().get(0).message(), Map.of());
    }
    if (!read.ok()) {
      throw new WorkbookRefused(read.errors());
    }
    // The content's own limits (text lengths, row counts …), each named by the cell it came from.
    List<CellError> invalid = validator.validate(read.content()).stream()
        .sorted(Comparator.comparing((ConstraintViolation<ReportContent> v) -> v.getPropertyPath().toString()))
        .map(v -> {
          String path = v.getPropertyPath().toString();
          String at = read.cellOf(path).orElse("");
          int bang = at.indexOf('!');
          return new CellError(bang < 0 ? null : at.substring(0, bang), bang < 0 ? null : at.substring(bang + 1),
              path + " " + v.getMessage());
        })
        .toList();
    if (!invalid.isEmpty()) {
      throw new WorkbookRefused(invalid);
    }
    return read;
  }
}
