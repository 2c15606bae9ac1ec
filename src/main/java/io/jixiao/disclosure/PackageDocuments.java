package io.jixiao.disclosure;

import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.documents.PackagePdf;
import io.jixiao.documents.PackageWorkbook;
import io.jixiao.documents.PublishedDocument;
import io.jixiao.documents.SignatureLine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The official documents of a published version — the PDF and the Excel workbook the documents module
 * renders — made from the frozen package alone and stored as first rendered, so a version always has
 * the same bytes and the same SHA-256 (shown beside each download, and what {@code /public/verify}
 * matches a file by).
 */
@Component
public class PackageDocuments {

  /** The two documents, as the package page lists them and their URLs name them. */
  public enum Kind {
    PDF("pdf", PackagePdf.MEDIA_TYPE),
    XLSX("xlsx", PackageWorkbook.MEDIA_TYPE);

    final String extension;
    final String mediaType;

    Kind(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    static Optional<Kind> of(String extension) {
      for (Kind kind : values()) {
        if (kind.extension.equals(extension.toLowerCase(Locale.ROOT))) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }

    public String extension() {
      return extension;
    }
  }

  /** A rendered document: its bytes, their SHA-256 and the name to save it under. */
  public record Rendered(Kind kind, byte[] bytes, String sha256, String fileName) {

    public String extension() {
      return kind.extension;
    }

    public long size() {
      return bytes.length;
    }
  }

  private final PackagePdf pdf;
  private final PackageWorkbook workbook;
  private final TemplateCatalog templates;
  private final JdbcClient jdbc;

  PackageDocuments(PackagePdf pdf, PackageWorkbook workbook, TemplateCatalog templates, JdbcClient jdbc) {
    this.pdf = pdf;
    this.workbook = workbook;
    this.templates = templates;
    this.jdbc = jdbc;
  }

  /**
   * The document as first rendered and stored ({@code published_document}, append-only): rendered
   * once, on the first request for it, and served as stored from then on, so a later library, font or
   * layout change never alters a file the public may hold. Two nodes rendering at once store one.
   */
  Rendered render(PublishedPackage published, Kind kind) {
    Optional<Rendered> stored = stored(published, kind);
    if (stored.isPresent()) {
      return stored.get();
    }
    PublishedDocument document = document(published);
    byte[] bytes = kind == Kind.PDF ? pdf.render(document) : workbook.render(document);
    String name = kind == Kind.PDF ? PackagePdf.fileName(document) : PackageWorkbook.fileName(document);
    jdbc.sql("""
        insert into jixiao.published_document (report_id, version, kind, file_name, bytes, sha256)
        values (:report, :version, :kind, :name, :bytes, :sha256)
        on conflict do nothing
        """).param("report", published.reportId()).param("version", published.version()).param("kind", kind.name())
        .param("name", name).param("bytes", bytes).param("sha256", sha256(bytes)).update();
    return stored(published, kind).orElseThrow();
  }

  private Optional<Rendered> stored(PublishedPackage published, Kind kind) {
    return jdbc.sql("select file_name, bytes, sha256 from jixiao.published_document where report_id = :report "
            + "and version = :version and kind = :kind")
        .param("report", published.reportId()).param("version", published.version()).param("kind", kind.name())
        .query((rs, n) -> new Rendered(kind, rs.getBytes("bytes"), rs.getString("sha256").trim(), rs.getString("file_name")))
        .optional();
  }

  /** A stored document as the package page lists it: no bytes, only what the link shows. */
  public record Listed(Kind kind, String fileName, String sha256, long size) {

    public String extension() {
      return kind.extension;
    }
  }

  /** A published version's document, found by its file's SHA-256. */
  record Match(UUID reportId, int version, Kind kind) {}

  /**
   * The version's documents for its page, each stored first if it was not yet (so the hashes shown are
   * those of the files served); read without their bytes.
   */
  List<Listed> listed(PublishedPackage published) {
    for (Kind kind : Kind.values()) {
      if (stored(published, kind).isEmpty()) {
        render(published, kind);
      }
    }
    return jdbc.sql("select kind, file_name, sha256, length(bytes) size from jixiao.published_document "
            + "where report_id = :report and version = :version order by kind")
        .param("report", published.reportId()).param("version", published.version())
        .query((rs, n) -> new Listed(Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
            rs.getString("sha256").trim(), rs.getLong("size")))
        .list();
  }

  /** The stored documents with this SHA-256 (lower-case hex): every file the public was ever given. */
  List<Match> withSha256(String sha256) {
    return jdbc.sql("select report_id, version, kind from jixiao.published_document where sha256 = :h order by report_id, version")
        .param("h", sha256)
        .query((rs, n) -> new Match(rs.getObject("report_id", UUID.class), rs.getInt("version"), Kind.valueOf(rs.getString("kind"))))
        .list();
  }

  /** What the documents print: the frozen package, its template, and the signature record it froze. */
  PublishedDocument document(PublishedPackage p) {
    List<SignatureLine> signatures = new ArrayList<>();
    if (p.signature() != null) {
      signatures.add(new SignatureLine(SignatureLine.Role.UNIT_HEAD, p.signature().signer(), p.signature().version(),
          p.signature().signedAt().toInstant(), p.signature().contentHash()));
    }
    signatures.add(new SignatureLine(SignatureLine.Role.FINANCE, p.approvedBy(), p.version(),
        p.approvedAt().toInstant(), p.contentHash()));
    signatures.add(new SignatureLine(SignatureLine.Role.PUBLISHER, p.publishedBy(), p.version(),
        p.publishedAt().toInstant(), p.contentHash()));
    return new PublishedDocument(p.unitName(), p.unitCode(), p.regionName(), p.year(), p.reportId(), p.version(),
        p.contentHash(), p.publishedAt().toInstant(), p.publishedBy(), p.approvedAt().toInstant(), p.content(),
        templates.find(p.templateCode()).orElse(null), p.evaluation(), signatures);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
