package io.jixiao.disclosure;

import io.jixiao.cycle.PublicationDeadline;
import io.jixiao.form.Grade;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A published package in a list: the newest published version of one package, without its content. */
public record PublishedSummary(
    UUID reportId, int version, String unitCode, String unitName, String regionCode, String regionName, int year,
    BigDecimal totalScore, Grade grade, BigDecimal reviewTotal, Grade reviewGrade, String contentHash,
    OffsetDateTime approvedAt, OffsetDateTime publishedAt, int publicationDays) {

  public boolean publishedOnTime() {
    return daysLate() == 0;
  }

  /** How many days after its cycle's publication deadline it was published; 0 if on time. */
  public long daysLate() {
    return PublicationDeadline.of(approvedAt, publicationDays, publishedAt, null).daysLate();
  }
}
