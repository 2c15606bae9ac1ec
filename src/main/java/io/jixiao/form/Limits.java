package io.jixiao.form;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How big a package may be: rows per table and the size of any number. The caps are far above
 * what a real unit writes (the seeds have at most 30 indicator rows and 8 projects) and keep
 * every computation on a package small: totals fit the report_version columns (numeric(7, 2))
 * and a decimal never expands to millions of digits when summed, hashed or printed.
 */
public final class Limits {

  public static final int INDICATOR_ROWS = 200;
  public static final int PROJECTS = 50;
  public static final int FUNDS_ROWS = 20;
  public static final int GOALS = 50;
  public static final int COST_ROWS = 100;
  public static final int BUILDINGS = 50;
  public static final int NARRATIVE_SECTIONS = 50;
  public static final int FIGURES = 100;
  public static final int PARTS = 50;
  /** Characters of one narrative section's text. */
  public static final int NARRATIVE_TEXT = 200000;
  public static final int ACKNOWLEDGEMENTS = 5000;

  /** The largest row count of any table: the cap on a form index the model does not name. */
  public static final int ANY_ROWS = INDICATOR_ROWS;

  /** Integer digits of any decimal (money is @Digits(integer = 15) in 元; this is the outer wall). */
  public static final int MAX_INTEGER_DIGITS = 18;
  /** Decimals of any decimal: 万元 with 4 decimals is a whole number of 元. */
  public static final int MAX_SCALE = 4;
  /** A decimal written with more characters than this is refused before it is parsed. */
  public static final int MAX_DECIMAL_CHARS = 40;

  private Limits() {}

  /** The row cap of a list field of the content, by its name ({@code indicators}, {@code projects} …). */
  public static int rowsOf(String field) {
    return switch (field) {
      case "indicators" -> INDICATOR_ROWS;
      case "projects" -> PROJECTS;
      case "funds" -> FUNDS_ROWS;
      case "goals" -> GOALS;
      case "costs" -> COST_ROWS;
      case "buildings" -> BUILDINGS;
      case "narrative" -> NARRATIVE_SECTIONS;
      case "figures" -> FIGURES;
      case "parts" -> PARTS;
      case "acknowledgements" -> ACKNOWLEDGEMENTS;
      default -> ANY_ROWS;
    };
  }

  /**
   * The decimal if it is within {@link #MAX_INTEGER_DIGITS} and {@link #MAX_SCALE} (trailing zeros
   * do not count), else empty. Only cheap operations are used on the input: {@code precision},
   * {@code scale} and {@code stripTrailingZeros} look at the unscaled digits, never at the exponent's
   * worth of zeros that {@code toPlainString} or {@code setScale} would write out for {@code 1e-99999999}.
   */
  public static Optional<BigDecimal> bounded(BigDecimal value) {
    if (value == null) {
      return Optional.empty();
    }
    BigDecimal v = value;
    if (v.scale() > MAX_SCALE || v.scale() < 0) {
      v = v.stripTrailingZeros();
    }
    // In long: 1E+2147483647 has precision 1 and scale -2147483647, and 1 + 2147483647 overflows an int.
    if ((long) v.precision() - v.scale() > MAX_INTEGER_DIGITS || v.scale() > MAX_SCALE) {
      return Optional.empty();
    }
    // 1E+3 → 1000 and 0E-99999 → 0: plain numbers from here on, cheap since the digits are bounded.
    return Optional.of(v.scale() < 0 ? v.setScale(0) : v);
  }

  /** Parses a decimal typed into a form field, refusing overlong text before parsing it. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_DECIMAL_CHARS) {
      return Optional.empty();
    }
    try {
      return bounded(new BigDecimal(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Text for refusals: what a decimal may be. */
  public static String decimalRule() {
    return "数值须为整数部分不超过 " + MAX_INTEGER_DIGITS + " 位、小数不超过 " + MAX_SCALE + " 位的数";
  }
}
