package io.jixiao.form;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 年度指标值 or 实际完成值 as written, parsed: an operator with a number and a unit ("≥98%",
 * "=20.57万元", "95%以上", "240户"), a date ("2024年12月31日"), or qualitative text ("按时保质完成").
 *
 * @param kind   what was recognised
 * @param op     the comparison (EQ for a plain number or a date)
 * @param number the number as written, without the unit's multiplier (for "20.57万元" it is 20.57)
 * @param unit   the unit as written ("万元", "%", "户"), "" when bare
 * @param date   the date, for {@link Kind#DATE}
 * @param text   the normalised input (whitespace, full-width forms removed)
 */
record Measure(Kind kind, Op op, BigDecimal number, String unit, LocalDate date, String text) {

  enum Kind {
    EMPTY,
    NUMBER,
    DATE,
    TEXT
  }

  enum Op {
    EQ,
    GE,
    GT,
    LE,
    LT;

    /** "=" and a plain number count as a target to reach (DOMAIN §4); ≤ and < as a cap. */
    boolean higherIsBetter() {
      return this == EQ || this == GE || this == GT;
    }

    String symbol() {
      return switch (this) {
        case EQ -> "=";
        case GE -> "≥";
        case GT -> ">";
        case LE -> "≤";
        case LT -> "<";
      };
    }
  }

  private static final Measure EMPTY_MEASURE = new Measure(Kind.EMPTY, Op.EQ, null, "", null, "");

  // Longest first: "不低于" must win over "低于", "及以上" over "以上".
  private static final List<Map.Entry<String, Op>> PREFIXES = List.of(
      Map.entry("≥", Op.GE), Map.entry("≤", Op.LE), Map.entry(">", Op.GT), Map.entry("<", Op.LT),
      Map.entry("=", Op.EQ),
      Map.entry("不低于", Op.GE), Map.entry("不少于", Op.GE), Map.entry("不小于", Op.GE),
      Map.entry("不超过", Op.LE), Map.entry("不高于", Op.LE), Map.entry("不多于", Op.LE),
      Map.entry("不大于", Op.LE),
      Map.entry("大于", Op.GT), Map.entry("高于", Op.GT), Map.entry("超过", Op.GT),
      Map.entry("小于", Op.LT), Map.entry("低于", Op.LT), Map.entry("少于", Op.LT),
      Map.entry("至少", Op.GE), Map.entry("达到", Op.GE), Map.entry("最多", Op.LE));

  private static final List<Map.Entry<String, Op>> SUFFIXES = List.of(
      Map.entry("及以上", Op.GE), Map.entry("以上", Op.GE),
      Map.entry("及以下", Op.LE), Map.entry("以下", Op.LE),
      Map.entry("以内", Op.LE), Map.entry("之内", Op.LE),
      Map.entry("左右", Op.EQ));

  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d)");
  // A unit is short ("个工作日" is the longest seen); "3次以上活动" is a sentence, not a unit.
  // At most 18 + 8 digits (Limits): a longer run is text, not a figure to parse and compare.
  private static final Pattern NUMBER = Pattern.compile("^(\\d{1,18}(?:\\.\\d{1,8})?)([^\\d，,。；;：:、（）()]{0,4})$");
  // 2024年12月31日 / 2024-12-31 / 2024.12.31 / 2024/12/31, optionally "前" (a deadline).
  private static final Pattern FULL_DATE = Pattern.compile(
      "^(\\d{4})(?:年|-|\\.|/)(\\d{1,2})(?:月|-|\\.|/)(\\d{1,2})日?(?:之前|以前|前)?$");
  // 2024年12月 / 2024年12月底 / 2024年底前: the end of that month or year.
  private static final Pattern MONTH_DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(?:底|末)?(?:之前|以前|前)?$");
  // 2024年 / 2024年底前 / 2024年度: the end of that year (4 digits + 年 is a year, not a count of years).
  private static final Pattern YEAR_END = Pattern.compile("^(\\d{4})年(?:底|末|度)?(?:之前|以前|前)?$");
  // "-", "——", "/", "……": a placeholder in an empty cell.
  private static final Pattern PLACEHOLDER = Pattern.compile("^[-—–_/…．.、]+$");

  static Measure parse(String raw) {
    String s = normalize(raw);
    if (s.isEmpty() || PLACEHOLDER.matcher(s).matches()) {
      return EMPTY_MEASURE;
    }
    Op op = null;
    String body = s;
    for (Map.Entry<String, Op> p : PREFIXES) {
      if (body.startsWith(p.getKey()) && body.length() > p.getKey().length()) {
        op = p.getValue();
        body = body.substring(p.getKey().length());
        break;
      }
    }
    for (Map.Entry<String, Op> p : SUFFIXES) {
      if (body.endsWith(p.getKey()) && body.length() > p.getKey().length()) {
        if (op == null) {
          op = p.getValue();
        }
        body = body.substring(0, body.length() - p.getKey().length());
        break;
      }
    }
    LocalDate date = date(body);
    if (date != null) {
      return new Measure(Kind.DATE, op == null ? Op.LE : op, null, "", date, s);
    }
    body = THOUSANDS.matcher(body).replaceAll("");
    Matcher m = NUMBER.matcher(body);
    if (m.matches()) {
      return new Measure(Kind.NUMBER, op == null ? Op.EQ : op, new BigDecimal(m.group(1)), m.group(2), null, s);
    }
    return new Measure(Kind.TEXT, Op.EQ, null, "", null, s);
  }

  /** Drops whitespace (including U+3000, which the seeds are full of) and folds full-width forms. */
  static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
        return;
      }
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c -= 0xFEE0; // ＝＞＜％０-９，． → ASCII
      } else if (c == '≧') {
        c = '≥';
      } else if (c == '≦') {
        c = '≤';
      } else if (c == '﹪') {
        c = '%';
      }
      b.appendCodePoint(c);
    });
    return b.toString().replace(">=", "≥").replace("<=", "≤").replace("=>", "≥").replace("=<", "≤")
        .replace("==", "=");
  }

  private static LocalDate date(String s) {
    try {
      Matcher m = FULL_DATE.matcher(s);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = MONTH_DATE.matcher(s);
      if (m.matches()) {
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth();
      }
      m = YEAR_END.matcher(s);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        return year >= 1900 && year < 2200 ? LocalDate.of(year, 12, 31) : null;
      }
    } catch (DateTimeException e) {
      return null; // 2月30日: not a date, stays text
    }
    return null;
  }

  boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  boolean isDate() {
    return kind == Kind.DATE;
  }

  boolean isPercent() {
    return kind == Kind.NUMBER && "%".equals(unit);
  }

  /** The unit without its multiplier and "more than" marks: 万元 → 元, 万余份 → 份, 2607多户 → 户. */
  String baseUnit() {
    String u = unit;
    if (u.startsWith("万") || u.startsWith("亿") || u.startsWith("千")) {
      u = u.substring(1);
    }
    if (u.startsWith("余") || u.startsWith("多")) {
      u = u.substring(1);
    }
    return u;
  }

  /** The number in base units: 20.57万元 → 205700. */
  BigDecimal value() {
    if (number == null) {
      return null;
    }
    if (unit.startsWith("万")) {
      return number.scaleByPowerOfTen(4);
    }
    if (unit.startsWith("亿")) {
      return number.scaleByPowerOfTen(8);
    }
    if (unit.startsWith("千")) {
      return number.scaleByPowerOfTen(3);
    }
    return number;
  }

  boolean isMoney() {
    return kind == Kind.NUMBER && "元".equals(baseUnit());
  }
}
