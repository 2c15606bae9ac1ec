package io.jixiao.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The official PDF of a published package: a cover with the publication data, 附件1 基本数据表,
 * 附件2 部门整体支出绩效自评表, 附件3 and 附件4 per project, 附件5 the narrative report, and on the last
 * page the signature record and the content's SHA-256. Chinese text in Noto Sans SC, embedded as a
 * subset; "第 x 页 共 y 页" under every page.
 *
 * <p>Deterministic: creation and modification date are the publication time, the document ID is
 * derived from the content hash, and nothing else depends on the clock, the locale or the time zone,
 * so the same {@link PublishedDocument} gives byte-identical files (on the same libraries).
 * Thread-safe; a plain class that is also a Spring bean.
 */
@Component
public class PackagePdf {

  static final String FONT_FAMILY = "Noto Sans SC";
  private static final String FONT_DIR = "/fonts/ttf/NotoSansSC/";

  /** The media type to serve it with. */
  public static final String MEDIA_TYPE = "application/pdf";

  private final SpringTemplateEngine engine;
  private final RenderCache cache = new RenderCache(32);

  public PackagePdf() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PackagePdf.class.getClassLoader());
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
  }

  /**
   * The PDF of this published version. A recently rendered document comes from a small cache (the
   * output depends on the input alone); every call gets its own copy of the bytes.
   */
  public byte[] render(PublishedDocument document) {
    return cache.get(document, this::renderNow);
  }

  /** A file name for downloads: {@code <unit code>-<year>-v<version>.pdf}. */
  public static String fileName(PublishedDocument document) {
    return RenderCache.baseName(document) + ".pdf";
  }

  private byte[] renderNow(PublishedDocument document) {
    String html = html(document);
    org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withW3cDocument(dom, null);
    builder.withProducer("Jixiao");
    builder.useFont(() -> font("NotoSansSC-Regular.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font("NotoSansSC-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      PDDocument pdf = renderer.createPDFKeepOpen();
      try {
        fix(pdf, document);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        pdf.save(out);
        return out.toByteArray();
      } finally {
        pdf.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PDF of report " + document.reportId() + " not rendered", e);
    }
  }

  /** The HTML the PDF is laid out from (also handy to look at in a browser). */
  String html(PublishedDocument document) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("m", PdfModel.of(document));
    return engine.process("documents/package", context);
  }

  /** Dates from the publication, the ID from the content hash: nothing from the clock. */
  private static void fix(PDDocument pdf, PublishedDocument document) {
    Calendar published = new GregorianCalendar(TimeZone.getTimeZone(Formats.ZONE), Locale.ROOT);
    published.setTimeInMillis(document.publishedAt().toEpochMilli() / 1000 * 1000);
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setCreationDate(published);
    info.setModificationDate(published);
    info.setProducer("Jixiao");
    info.setCreator("Jixiao");
    byte[] id = Arrays.copyOf(sha256(document.contentHash() + "/" + document.reportId() + "/" + document.version()), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    pdf.setDocumentId(HexFormat.fromHexDigitsToLong(HexFormat.of().formatHex(id, 0, 7)));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** The font files are 10 MB each: read once, kept in memory. */
  private static InputStream font(String file) {
    return new ByteArrayInputStream(Fonts.bytes(file));
  }

  private static final class Fonts {
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> CACHE =
        new java.util.concurrent.ConcurrentHashMap<>();

    static byte[] bytes(String file) {
      return CACHE.computeIfAbsent(file, f -> {
        try (InputStream in = PackagePdf.class.getResourceAsStream(FONT_DIR + f)) {
          if (in == null) {
            throw new IllegalStateException("font " + FONT_DIR + f + " not on the classpath (ph-fonts-noto-sans-sc)");
          }
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
