package io.jixiao.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 信息公开 — the public portal, no login: published packages by year, region and unit with a search by
 * unit name; each package's official tables read-only as published; checking a hash.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

  static final int PAGE_SIZE = 20;

  private final PublicReports reports;
  private final PublicTables tables;
  private final PackageDocuments documents;

  PublicPages(PublicReports reports, PublicTables tables, PackageDocuments documents) {
    this.reports = reports;
    this.tables = tables;
    this.documents = documents;
  }

  @ModelAttribute("tables")
  PublicTables tables() {
    return tables;
  }

  @GetMapping({"", "/"})
  String list(
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) @Size(max = 100) String region,
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
      Model model) {
    var filter = new PublicReports.Filter(year, PublicApiController.blankToNull(region),
        PublicApiController.blankToNull(q));
    model.addAttribute("found", reports.list(filter, page, PAGE_SIZE));
    model.addAttribute("filter", filter);
    model.addAttribute("years", reports.years());
    model.addAttribute("regions", reports.regions());
    return "public/index";
  }

  @GetMapping("/reports/{id}")
  String report(@PathVariable UUID id, @RequestParam(required = false) @Min(1) @Max(1_000_000) Integer version,
      Model model) {
    PublishedPackage published = version == null ? reports.newest(id) : reports.version(id, version);
    List<PublishedSummary> versions = reports.versions(id);
    model.addAttribute("p", published);
    model.addAttribute("content", published.content());
    model.addAttribute("evaluation", published.evaluation());
    model.addAttribute("versions", versions);
    model.addAttribute("newest", versions.get(versions.size() - 1).version() == published.version());
    model.addAttribute("documents", documents.listed(published));
    return "public/report";
  }

  /**
   * 下载: the PDF or the workbook of the newest published version, or of {@code version}. The same
   * version always gives the same bytes, so the file's SHA-256 is its strong ETag.
   */
  @GetMapping("/reports/{id}/{kind:pdf|xlsx}")
  org.springframework.http.ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String kind,
      @RequestParam(required = false) @Min(1) @Max(1_000_000) Integer version,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
    PublishedPackage published = version == null ? reports.newest(id) : reports.version(id, version);
    PackageDocuments.Rendered file = documents.render(published, PackageDocuments.Kind.of(kind).orElseThrow());
    String eTag = "\"" + file.sha256() + "\"";
    var cache = version == null ? PublicApiController.PACKAGE_CACHE
        : org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic();
    if (PublicETags.matches(ifNoneMatch, eTag)) {
      return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED)
          .eTag(eTag).cacheControl(cache).build();
    }
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(file.kind().mediaType))
        .eTag(eTag).cacheControl(cache)
        .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
            .filename(file.fileName()).build().toString())
        .header("X-Content-SHA256", file.sha256())
        .body(file.bytes());
  }

  @GetMapping("/verify")
  String verifyForm(Model model) {
    model.addAttribute("verifyFile", true);
    return "public/verify";
  }

  /** Whether a hash is the content hash of a published version, and of which package and version. */
  @PostMapping("/verify")
  String verify(@RequestParam(defaultValue = "") @Size(max = 200) String hash, Model model) {
    String normalized = PublicReports.normalizeHash(hash);
    model.addAttribute("hash", hash.strip());
    model.addAttribute("valid", normalized != null);
    model.addAttribute("matches", reports.verify(hash));
    model.addAttribute("verifyFile", true);
    return "public/verify";
  }

  /** A package that was never published is the portal's own "not found" page, the same for every such id. */
  @org.springframework.web.bind.annotation.ExceptionHandler(io.jixiao.shared.NotFound.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("status", 404);
    return "public/not-found";
  }

  /** A malformed id or an out-of-range parameter: 400, on the portal's page (not the staff's error page). */
  @org.springframework.web.bind.annotation.ExceptionHandler({
      org.springframework.web.method.annotation.HandlerMethodValidationException.class,
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
      org.springframework.web.bind.MissingServletRequestParameterException.class})
  String badRequest(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("status", 400);
    return "public/not-found";
  }
}
