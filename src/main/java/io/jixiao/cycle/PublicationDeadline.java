package io.jixiao.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * 公开期限 (DOMAIN §8, 财预〔2016〕143号): a package is due to be published within its cycle's
 * {@link Cycle#publicationDays()} (20 by default) of finance's approval, counted in China's calendar days
 * — the last day is the approval's day plus that many days. One rule for the staff pages (where a package
 * stands) and the public portal (how it was published); a package published late stays flagged, with
 * how many days late.
 *
 * @param deadline  the last day publication was due
 * @param published whether it is published (then {@code late}/{@code daysLate} are final), else counted to today
 * @param daysLate  days after the deadline it was published, or is still unpublished; 0 if in time
 */
public record PublicationDeadline(LocalDate deadline, boolean published, boolean late, long daysLate) {

  /** The rule's days from approval to publication, where a cycle sets none. */
  public static final int DEFAULT_DAYS = 20;

  /** Days are counted in China's calendar, where the rule applies. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public static LocalDate deadline(OffsetDateTime approvedAt, int days) {
    return approvedAt.atZoneSameInstant(ZONE).toLocalDate().plusDays(days);
  }

  /**
   * @param publishedAt when it was published after that approval; null while it is not
   * @param today       today in China, for a package not yet published
   */
  public static PublicationDeadline of(OffsetDateTime approvedAt, int days, OffsetDateTime publishedAt, LocalDate today) {
    LocalDate deadline = deadline(approvedAt, days);
    LocalDate judged = publishedAt == null ? today : publishedAt.atZoneSameInstant(ZONE).toLocalDate();
    long late = Math.max(0, ChronoUnit.DAYS.between(deadline, judged));
    return new PublicationDeadline(deadline, publishedAt != null, late > 0, late);
  }
}
