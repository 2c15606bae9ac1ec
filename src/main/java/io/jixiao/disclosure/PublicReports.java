package io.jixiao.disclosure;

import io.jixiao.shared.NotFound;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What anyone may read: published packages only, as frozen at publication. An id that was never
 * published — unknown, in draft, returned from disclosure — is not found, with the same answer as an
 * id that does not exist.
 */
@Service
public class PublicReports {

  /** The one answer for every id the public may not read: it names nothing. */
  static final String NOT_FOUND = "没有此编号的已公开报告 (no published package has this id)";

  private final PublishedPackages packages;
  private final PackageDocuments documents;

  PublicReports(PublishedPackages packages, PackageDocuments documents) {
    this.packages = packages;
    this.documents = documents;
  }

  /**
   * What a SHA-256 belongs to: a published version whose content has it ({@code matched} =
   * {@code content}), or whose PDF or workbook file has it ({@code pdf}, {@code xlsx}).
   */
  public record HashMatch(PublishedSummary published, String matched) {}

  /** Every published content or document with this SHA-256 (64 hex digits, any case); none for any other. */
  public List<HashMatch> verify(String hash) {
    String normalized = normalizeHash(hash);
    if (normalized == null) {
      return List.of();
    }
    List<HashMatch> matches = new java.util.ArrayList<>();
    packages.withContentHash(normalized).forEach(p -> matches.add(new HashMatch(p, "content")));
    if (!matches.isEmpty()) {
      return matches; // a content hash: no document file has the same SHA-256
    }
    for (PackageDocuments.Match entry : documents.withSha256(normalized)) {
      packages.versions(entry.reportId()).stream().filter(v -> v.version() == entry.version()).findFirst()
          .ifPresent(p -> matches.add(new HashMatch(p, entry.kind().extension())));
    }
    return matches;
  }

  /** A page of published packages (the newest published version of each), year first. */
  public Page list(Filter filter, int page, int size) {
    return packages.list(filter, page, size);
  }

  /**
   * What a list is filtered by; each null for "any".
   *
   * @param region a region's code or name
   * @param unit   a unit's code, or part of its name
   */
  public record Filter(Integer year, String region, String unit) {}

  /** One page of a list, and how many there are in all. */
  public record Page(List<PublishedSummary> items, int page, int size, long total) {
    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  public List<Integer> years() {
    return packages.years();
  }

  /** The regions (code → name) anything was published for. */
  public java.util.Map<String, String> regions() {
    return packages.regions();
  }

  /** The newest published version of a package; 404 if it was never published. */
  public PublishedPackage newest(UUID reportId) {
    return packages.newest(reportId).orElseThrow(PublicReports::notFound);
  }

  /** One published version; 404 for a version that was not published (a correction in progress, say). */
  public PublishedPackage version(UUID reportId, int version) {
    return packages.version(reportId, version).orElseThrow(PublicReports::notFound);
  }

  /** Every published version of a package, oldest first; 404 if it was never published. */
  public List<PublishedSummary> versions(UUID reportId) {
    List<PublishedSummary> versions = packages.versions(reportId);
    if (versions.isEmpty()) {
      throw notFound();
    }
    return versions;
  }

  /** A SHA-256 in our form (64 lower-case hex digits), or null if {@code hash} is none. */
  public static String normalizeHash(String hash) {
    if (hash == null) {
      return null;
    }
    String value = hash.strip().toLowerCase(Locale.ROOT);
    return value.matches("[0-9a-f]{64}") ? value : null;
  }

  static NotFound notFound() {
    return new NotFound(NOT_FOUND);
  }
}
