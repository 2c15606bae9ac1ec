package io.jixiao.documents;

import io.jixiao.form.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the documents write numbers, dates and grades; fixed locale and time zone, never the machine's. */
final class Formats {

  /** Times print in Beijing time, whatever the server's zone. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

  private Formats() {}

  /** 元 with two decimals and thousands separators; "" for none. */
  static String money(BigDecimal value) {
    if (value == null) {
      return "";
    }
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** A score or weight as written: 15, 8.5, 97.25; "" for none. */
  static String score(BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal v = value.stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
  }

  /** A fraction as a percentage with two decimals: 1.0000 → 100.00%; "" for none. */
  static String percent(BigDecimal fraction) {
    return fraction == null ? "" : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(ZONE)) + "（北京时间）";
  }

  /** The time without the zone note, for a column headed （北京时间）. */
  static String clock(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(ZONE));
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String grade(Grade grade) {
    if (grade == null) {
      return "";
    }
    return switch (grade) {
      case EXCELLENT -> "优";
      case GOOD -> "良";
      case FAIR -> "中";
      case POOR -> "差";
    };
  }

  static String text(String s) {
    return s == null ? "" : s.strip();
  }

  /** in / of as a fraction, 4 decimals; null when either is missing or the base is 0. */
  static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.divide(whole, 4, RoundingMode.HALF_UP);
  }
}
