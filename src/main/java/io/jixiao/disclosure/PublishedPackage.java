package io.jixiao.disclosure;

import io.jixiao.cycle.PublicationDeadline;
import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One published version of a package, exactly as frozen at its publication: what the portal, the open
 * data API and the documents show. Never changes; a republished correction is another version.
 *
 * @param contentJson the content as stored (the report version's JSON, not rebuilt)
 * @param content     the same, read into the form's types for the pages
 * @param evaluation  summary, project summaries, suggestions and findings as computed at publication
 * @param signature   who signed which version of the unit's content, when; null if none was found
 */
public record PublishedPackage(
    UUID reportId, int version, String unitCode, String unitName, String regionCode, String regionName, int year,
    String templateCode, String contentJson, ReportContent content, String contentHash, Evaluation evaluation,
    String approvedBy, OffsetDateTime approvedAt, SignatureRecord signature, String publishedBy,
    OffsetDateTime publishedAt, int publicationDays) {

  /** Published within this many days of finance's approval (DOMAIN §8, 财预〔2016〕143号), unless the cycle said otherwise. */
  public static final int DAYS_TO_PUBLISH = PublicationDeadline.DEFAULT_DAYS;

  /** Days are counted in China's calendar, where the rule applies. */
  public static final ZoneId ZONE = PublicationDeadline.ZONE;

  /** 单位负责人签字: the version signed, the hash of its unit content, who and when. */
  public record SignatureRecord(int version, String contentHash, String signer, OffsetDateTime signedAt) {}

  /** The last day publication was due: the cycle's days (20 by default) after the day of finance's approval. */
  public LocalDate deadline() {
    return PublicationDeadline.deadline(approvedAt, publicationDays);
  }

  /** Whether it was published on or before {@link #deadline()}. */
  public boolean publishedOnTime() {
    return daysLate() == 0;
  }

  /** How many days after {@link #deadline()} it was published; 0 if on time. */
  public long daysLate() {
    return PublicationDeadline.of(approvedAt, publicationDays, publishedAt, null).daysLate();
  }

  static LocalDate deadline(OffsetDateTime approvedAt) {
    return PublicationDeadline.deadline(approvedAt, DAYS_TO_PUBLISH);
  }

  static boolean onTime(OffsetDateTime approvedAt, OffsetDateTime publishedAt) {
    return !PublicationDeadline.of(approvedAt, DAYS_TO_PUBLISH, publishedAt, null).late();
  }
}
