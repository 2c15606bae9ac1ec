package io.jixiao.disclosure;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.jixiao.form.Finding;
import io.jixiao.form.Summary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data API (公开数据接口): anonymous, read-only, published packages only. A package's answer is
 * cacheable and carries a strong ETag of its published version and content hash ({@code If-None-Match}
 * → 304). Any id that was never published is the same 404 as an unknown one.
 */
@RestController
@RequestMapping("/public/api")
// No class-level @Validated: Spring MVC validates the parameters itself (a 400 problem detail).
class PublicApiController {

  static final CacheControl PACKAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
  static final CacheControl LIST_CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

  private final PublicReports reports;

  PublicApiController(PublicReports reports) {
    this.reports = reports;
  }

  record ListItem(UUID id, int version, String unitCode, String unitName, String regionCode, String regionName,
      int year, BigDecimal totalScore, String grade, BigDecimal reviewTotal, String reviewGrade, String contentHash,
      OffsetDateTime publishedAt, boolean publishedOnTime, String href) {

    static ListItem of(PublishedSummary s) {
      return new ListItem(s.reportId(), s.version(), s.unitCode(), s.unitName(), s.regionCode(), s.regionName(),
          s.year(), s.totalScore(), s.grade() == null ? null : s.grade().name(), s.reviewTotal(),
          s.reviewGrade() == null ? null : s.reviewGrade().name(), s.contentHash(), s.publishedAt(),
          s.publishedOnTime(), "/public/api/reports/" + s.reportId());
    }
  }

  record ListPage(List<ListItem> items, int page, int size, long total, String next) {}

  record PublicationRecord(OffsetDateTime publishedAt, String publishedBy, OffsetDateTime approvedAt,
      String approvedBy, LocalDate deadline, boolean publishedOnTime, long daysLate) {}

  /** A published version: the content exactly as stored, and what was computed and recorded at publication. */
  record PackageView(UUID id, int version, String unitCode, String unitName, String regionCode, String regionName,
      int year, String templateCode, String contentHash, @JsonRawValue String content, Summary summary,
      Map<String, Summary> projectSummaries, Map<String, BigDecimal> suggestions, List<Finding> findings,
      PublicationRecord publication, PublishedPackage.SignatureRecord signature, List<Integer> publishedVersions) {

    static PackageView of(PublishedPackage p, List<PublishedSummary> versions) {
      return new PackageView(p.reportId(), p.version(), p.unitCode(), p.unitName(), p.regionCode(), p.regionName(),
          p.year(), p.templateCode(), p.contentHash(), p.contentJson(), p.evaluation().overall(),
          p.evaluation().projects(), p.evaluation().suggestions(), p.evaluation().findings(),
          new PublicationRecord(p.publishedAt(), p.publishedBy(), p.approvedAt(), p.approvedBy(), p.deadline(),
              p.publishedOnTime(), p.daysLate()),
          p.signature(), versions.stream().map(PublishedSummary::version).toList());
    }
  }

  /** A published version a hash belongs to, and what of it has that hash: its content, its PDF or its workbook. */
  record VerifiedItem(UUID id, int version, String unitCode, String unitName, String regionName, int year,
      OffsetDateTime publishedAt, String matched, String href) {}

  record HashMatches(String hash, boolean matches, List<VerifiedItem> packages) {}

  @GetMapping("/reports")
  ResponseEntity<ListPage> list(
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) @Size(max = 100) String region,
      @RequestParam(required = false) @Size(max = 100) String unit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var filter = new PublicReports.Filter(year, blankToNull(region), blankToNull(unit));
    var found = reports.list(filter, page, size);
    String next = found.hasNext() && page < 1000 ? nextLink(filter, page + 1, size) : null;
    return ResponseEntity.ok().cacheControl(LIST_CACHE)
        .body(new ListPage(found.items().stream().map(ListItem::of).toList(), page, size, found.total(), next));
  }

  @GetMapping("/reports/{id}")
  ResponseEntity<PackageView> get(@PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return answer(reports.newest(id), ifNoneMatch);
  }

  @GetMapping("/reports/{id}/versions/{version}")
  ResponseEntity<PackageView> version(@PathVariable UUID id, @PathVariable @Min(1) @Max(1_000_000) int version,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return answer(reports.version(id, version), ifNoneMatch);
  }

  /** Whether a SHA-256 is that of a published version's content or of one of its documents, and of which. */
  @GetMapping("/verify")
  HashMatches verify(@RequestParam @Size(max = 200) String hash) {
    var found = reports.verify(hash);
    return new HashMatches(PublicReports.normalizeHash(hash), !found.isEmpty(), found.stream()
        .map(m -> new VerifiedItem(m.published().reportId(), m.published().version(), m.published().unitCode(),
            m.published().unitName(), m.published().regionName(), m.published().year(), m.published().publishedAt(),
            m.matched(), "/public/api/reports/" + m.published().reportId() + "/versions/" + m.published().version()))
        .toList());
  }

  private ResponseEntity<PackageView> answer(PublishedPackage published, String ifNoneMatch) {
    String eTag = eTag(published);
    if (PublicETags.matches(ifNoneMatch, eTag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(eTag).cacheControl(PACKAGE_CACHE).build();
    }
    return ResponseEntity.ok().eTag(eTag).cacheControl(PACKAGE_CACHE)
        .body(PackageView.of(published, reports.versions(published.reportId())));
  }

  /** Strong: one published version has one content, so its version and hash name its bytes. */
  static String eTag(PublishedPackage published) {
    return "\"" + published.version() + "-" + published.contentHash() + "\"";
  }

  private static String nextLink(PublicReports.Filter filter, int page, int size) {
    var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/public/api/reports");
    if (filter.year() != null) {
      uri.queryParam("year", filter.year());
    }
    if (filter.region() != null) {
      uri.queryParam("region", filter.region());
    }
    if (filter.unit() != null) {
      uri.queryParam("unit", filter.unit());
    }
    return uri.queryParam("page", page).queryParam("size", size).encode().build().toUriString();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
