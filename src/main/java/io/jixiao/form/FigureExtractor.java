package io.jixiao.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures a narrative text states, by rules on how Chinese reports write numbers: an
 * Arabic number (half- or full-width digits, {@code 1,234} thousands, a decimal point {@code .} or
 * {@code ．}) or a Chinese one ({@code 三点五}, {@code 一百二十}, {@code 二〇二二}), then its unit:
 * {@code 元 / 万元 / 亿元} (and a bare {@code 万} closing a list item, "生育关怀经费31万，") →
 * {@link FigureKind#MONEY} in 元; {@code %} → PERCENT; {@code 分} → SCORE; {@code 年} → YEAR; a
 * measure word ({@code 人 个 项 家 次 户 名 …}) → COUNT. A number with no unit is not a figure
 * ({@code 新财社[2022]0043号}, {@code 5.29会员日}). {@code 余 / 多 / 近 / 约 / 左右} mark an approximate
 * figure; a rate ({@code 30元/户}) is none.
 *
 * <p>Text is untrusted: a number has at most 15 integer and 6 decimal digits (a longer run of digits
 * is skipped whole, not cut), a Chinese number at most 20 characters, and one text yields at most
 * {@link #MAX_FIGURES} figures. Every figure keeps its span in the original text (offset, length in
 * UTF-16 chars), which full-width normalisation does not move.
 */
public final class FigureExtractor {

  /** At most this many figures from one text. */
  public static final int MAX_FIGURES = 2000;
  static final int MAX_INTEGER_DIGITS = 15;
  static final int MAX_FRACTION_DIGITS = 6;

  /**
   * One figure found in a text.
   *
   * @param value       the number as written times its multiplier (万, 亿): 元 for MONEY
   * @param offset      where its text starts (the number, or a prefix such as 近)
   * @param length      how long its text is, unit included
   * @param approximate written with 余, 多, 近, 约, 左右 …: never exact
   */
  public record Extracted(FigureKind kind, BigDecimal value, int offset, int length, boolean approximate) {

    public int end() {
      return offset + length;
    }
  }

  private static final Pattern ARABIC = Pattern.compile(
      "(?<![0-9A-Za-z.]|[A-Za-z][-+])(\\d{1,3}(?:,\\d{3})++|\\d++)(?:\\.(\\d++))?+(?![0-9]|\\.\\d)");
  private static final String CHINESE_CHARS = "零〇一二两三四五六七八九十百千万亿";
  private static final Pattern CHINESE = Pattern.compile(
      "(?<![" + CHINESE_CHARS + "点])([" + CHINESE_CHARS + "]++)(?:点([零〇一二三四五六七八九]++))?+");
  private static final String[] COUNT_UNITS = {"人次", "户次", "人", "个", "项", "家", "次", "户", "名", "场", "期",
      "篇", "台", "件", "所", "批", "位", "条", "册", "份", "座", "处", "支", "盒", "只", "套", "块"};
  /** 分 that is not a score: 分钟, 分别, 三分之一, 分配 … */
  private static final String NOT_SCORE_AFTER = "钟别之配布析类级解局会站管担期批摊成值数制";
  private static final String APPROX_BEFORE = "近约逾超";
  private static final String LIST_END = "，,、。；;）)：:\n\r 　等";

  private FigureExtractor() {}

  /** The figures in {@code text}, in text order; none for null. */
  public static List<Extracted> extract(String text) {
    List<Extracted> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String s = normalize(text);
    Matcher m = ARABIC.matcher(s);
    while (m.find() && out.size() < MAX_FIGURES) {
      String integer = m.group(1).replace(",", "");
      String fraction = m.group(2);
      if (integer.length() > MAX_INTEGER_DIGITS || (fraction != null && fraction.length() > MAX_FRACTION_DIGITS)) {
        continue;
      }
      BigDecimal number = new BigDecimal(fraction == null ? integer : integer + "." + fraction);
      boolean plainInteger = fraction == null && m.group(1).indexOf(',') < 0;
      figure(s, m.start(), m.end(), number, plainInteger && integer.length() == 4, true, out);
    }
    m = CHINESE.matcher(s);
    while (m.find() && out.size() < MAX_FIGURES) {
      if (m.group(1).length() > 20 || (m.group(2) != null && m.group(2).length() > MAX_FRACTION_DIGITS)) {
        continue;
      }
      BigDecimal number = chinese(m.group(1), m.group(2));
      if (number == null) {
        continue;
      }
      boolean digitsOnly = m.group(2) == null && m.group(1).chars().allMatch(c -> digit((char) c) >= 0);
      figure(s, m.start(), m.end(), number, digitsOnly && m.group(1).length() == 4, false, out);
    }
    out.sort(java.util.Comparator.comparingInt(Extracted::offset));
    return out.size() > MAX_FIGURES ? new ArrayList<>(out.subList(0, MAX_FIGURES)) : out;
  }

  /** Full-width digits, point and percent as ASCII, one char for one, so offsets stay. */
  static String normalize(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '０' && c <= '９') {
        chars[i] = (char) ('0' + (c - '０'));
      } else if (c == '．') {
        chars[i] = '.';
      } else if (c == '％') {
        chars[i] = '%';
      } else if (c == '，' && i > 0 && i + 4 <= chars.length && isDigit(chars, i - 1) && isDigit(chars, i + 1)
          && isDigit(chars, i + 2) && isDigit(chars, i + 3) && (i + 4 == chars.length || !isDigit(chars, i + 4))) {
        // "1，234元" is rare but written; a list "1，2" has no three digits after the comma
        chars[i] = ',';
      }
    }
    return new String(chars);
  }

  private static boolean isDigit(char[] chars, int i) {
    char c = chars[i];
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }

  private static void figure(String s, int start, int numberEnd, BigDecimal number, boolean fourDigitInteger,
      boolean arabic, List<Extracted> out) {
    int i = numberEnd;
    while (i < s.length() && i - numberEnd < 2 && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000')) {
      i++;
    }
    BigDecimal multiplier = BigDecimal.ONE;
    boolean multiplied = false;
    if (!arabic) {
      String run = s.substring(start, numberEnd);
      multiplied = run.indexOf('万') >= 0 || run.indexOf('亿') >= 0; // part of a Chinese number
    }
    if (s.startsWith("千万", i)) {
      multiplier = new BigDecimal("10000000");
      i += 2;
      multiplied = true;
    } else if (s.startsWith("亿", i)) {
      multiplier = new BigDecimal("100000000");
      i++;
      multiplied = true;
    } else if (s.startsWith("万", i)) {
      multiplier = new BigDecimal("10000");
      i++;
      multiplied = true;
    }
    boolean approximate = false;
    if (i < s.length() && (s.charAt(i) == '余' || s.charAt(i) == '多')) {
      approximate = true;
      i++;
    }
    int begin = start;
    if (start > 0 && APPROX_BEFORE.indexOf(s.charAt(start - 1)) >= 0) {
      approximate = true;
      begin = start - 1;
    }
    if (start > 0 && s.charAt(start - 1) == '第') {
      return; // an ordinal: 第23个
    }
    FigureKind kind = null;
    int unitEnd = i;
    BigDecimal value = number.multiply(multiplier);
    if (s.startsWith("元", i)) {
      kind = FigureKind.MONEY;
      unitEnd = i + 1;
      if (unitEnd < s.length() && (s.charAt(unitEnd) == '/' || s.charAt(unitEnd) == '／' || s.charAt(unitEnd) == '每')) {
        return; // a rate: 30元/户
      }
    } else if (multiplier.compareTo(BigDecimal.ONE) > 0 && !approximate
        && (i >= s.length() || LIST_END.indexOf(s.charAt(i)) >= 0)) {
      kind = FigureKind.MONEY; // 生育关怀经费31万，
      unitEnd = i;
    } else if (!multiplied && !approximate && s.startsWith("%", i)) {
      kind = FigureKind.PERCENT;
      unitEnd = i + 1;
    } else if (arabic && !multiplied && !approximate && s.startsWith("分", i)
        && (i + 1 >= s.length() || NOT_SCORE_AFTER.indexOf(s.charAt(i + 1)) < 0)
        && number.compareTo(new BigDecimal("100")) <= 0) {
      kind = FigureKind.SCORE;
      unitEnd = i + 1;
    } else if (fourDigitInteger && !multiplied && !approximate && s.startsWith("年", i)) {
      int year = number.intValue();
      if (year >= 1900 && year <= 2100) {
        kind = FigureKind.YEAR;
        unitEnd = i + 1;
      }
    } else {
      for (String unit : COUNT_UNITS) {
        if (s.startsWith(unit, i)) {
          kind = FigureKind.COUNT;
          unitEnd = i + unit.length();
          break;
        }
      }
    }
    if (kind == null) {
      return;
    }
    if (s.startsWith("左右", unitEnd)) {
      approximate = true;
    }
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return;
    }
    out.add(new Extracted(kind, value, begin, unitEnd - begin, approximate));
  }

  private static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }

  /** 一百二十 = 120, 三点五 = 3.5, 二〇二二 = 2022, 十二万 = 120000; null when it is no number. */
  static BigDecimal chinese(String integer, String fraction) {
    char first = integer.charAt(0);
    if (digit(first) < 0 && first != '十') {
      return null; // 万元, 千万, 百姓
    }
    BigDecimal value;
    if (integer.chars().allMatch(c -> digit((char) c) >= 0)) {
      if (integer.length() > MAX_INTEGER_DIGITS) {
        return null;
      }
      StringBuilder digits = new StringBuilder();
      integer.chars().forEach(c -> digits.append(digit((char) c)));
      value = new BigDecimal(digits.toString());
    } else {
      BigDecimal result = BigDecimal.ZERO;
      BigDecimal section = BigDecimal.ZERO;
      long num = 0;
      boolean pending = false;
      for (char c : integer.toCharArray()) {
        int d = digit(c);
        if (d >= 0) {
          if (pending && d > 0 && num > 0) {
            return null; // 三五十: not a number
          }
          num = d;
          pending = d > 0;
        } else if (c == '十' || c == '百' || c == '千') {
          long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
          section = section.add(BigDecimal.valueOf((num == 0 && c == '十' ? 1 : num) * unit));
          num = 0;
          pending = false;
        } else if (c == '万') {
          result = result.add(section.add(BigDecimal.valueOf(num)).multiply(BigDecimal.valueOf(10000)));
          section = BigDecimal.ZERO;
          num = 0;
          pending = false;
        } else { // 亿
          result = result.add(section).add(BigDecimal.valueOf(num)).multiply(BigDecimal.valueOf(100000000));
          section = BigDecimal.ZERO;
          num = 0;
          pending = false;
        }
        if (result.precision() - result.scale() > MAX_INTEGER_DIGITS + 1) {
          return null;
        }
      }
      value = result.add(section).add(BigDecimal.valueOf(num));
    }
    if (fraction != null) {
      StringBuilder digits = new StringBuilder();
      fraction.chars().forEach(c -> digits.append(digit((char) c)));
      value = value.add(new BigDecimal("0." + digits));
    }
    return value;
  }
}
