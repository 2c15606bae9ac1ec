package io.jixiao.form;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 四舍五入: totals the forms give rounded. The seeds' forms are in 万元, and a total there is often
 * written to fewer decimals than its parts (001: 各项项目预算共为21.2万元 for 7.821 + 4.51 + 3.952 + 2 +
 * 2.92 = 21.203万元). A stated total that is a whole number of 百元 (at most two decimals in 万元) is
 * read as rounded at its last non-zero digit, no coarser than 0.1万元 (1,000元) and keeping three
 * significant digits; an exact sum agrees with it when it rounds half up to the total at that unit. A total in 元 with 元 or 角分 digits is
 * exact. Parts no finer than the unit add up to a multiple of it, so rounding never excuses them.
 */
final class Rounding {

  /** 0.01万元 */
  private static final BigDecimal FINEST = new BigDecimal("100");
  /** 0.1万元 */
  private static final BigDecimal COARSEST = new BigDecimal("1000");

  /** A rounded total keeps three significant digits: 0.1万元 is no rounding of 0.095万元. */
  private static final BigDecimal SIGNIFICANT = new BigDecimal("100");

  private Rounding() {}

  /** Whether {@code sum} is {@code stated}, exactly or as the form rounded it. */
  static boolean agrees(BigDecimal stated, BigDecimal sum) {
    if (stated.compareTo(sum) == 0) {
      return true;
    }
    BigDecimal unit = unitOf(stated);
    return unit != null && sum.divide(unit, 0, RoundingMode.HALF_UP).multiply(unit).compareTo(stated) == 0;
  }

  private static BigDecimal unitOf(BigDecimal stated) {
    if (stated.signum() <= 0) {
      return null; // a total of 0 against parts that are not is never rounding
    }
    for (BigDecimal unit : new BigDecimal[] {COARSEST, FINEST}) {
      if (stated.remainder(unit).signum() == 0 && stated.compareTo(unit.multiply(SIGNIFICANT)) >= 0) {
        return unit;
      }
    }
    return null;
  }
}
