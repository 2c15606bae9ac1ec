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
import org.springframework.stereotype.Component;

/**
 * The official documents of a published version — the PDF and the Excel workbook the documents module
 * renders — made from the frozen package alone, so the same version always gives the same bytes and
 * the same SHA-256 (shown beside each download, and what {@code /public/verify} matches a file by).
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

  PackageDocuments(PackagePdf pdf, PackageWorkbook workbook, TemplateCatalog templates) {
    this.pdf = pdf;
    this.workbook = workbook;
    this.templates = templates;
  }

  Rendered render(PublishedPackage published, Kind kind) {
    PublishedDocument document = document(published);
    byte[] bytes = kind == Kind.PDF ? pdf.render(document) : workbook.render(document);
    String name = kind == Kind.PDF ? PackagePdf.fileName(document) : PackageWorkbook.fileName(document);
    return new Rendered(kind, bytes, sha256(bytes), name);
  }

  List<Rendered> all(PublishedPackage published) {
    List<Rendered> documents = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      documents.add(render(published, kind));
    }
    return documents;
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
