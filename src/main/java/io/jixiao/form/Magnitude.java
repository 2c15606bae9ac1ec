package io.jixiao.form;

import static io.jixiao.form.Findings.yuan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A 万元/元 mix-up shows as a factor of about 10^4 between figures that should be close: a ratio
 * between 10^3.5 and 10^4.5 either way (003 附件5: 三公经费预算数 "1.81元" against 1.81万元 = 18100.00元).
 * Zeros never count: 0 against anything is a different problem.
 */
final class Magnitude {

  static final BigDecimal LOW = new BigDecimal("3162.2777"); // 10^3.5
  static final BigDecimal HIGH = new BigDecimal("31622.7766"); // 10^4.5

  private Magnitude() {}

  static boolean suspect(BigDecimal a, BigDecimal b) {
    if (a == null || b == null || a.signum() <= 0 || b.signum() <= 0) {
      return false;
    }
    BigDecimal big = a.max(b);
    BigDecimal small = a.min(b);
    BigDecimal ratio = big.divide(small, 4, RoundingMode.HALF_UP);
    return ratio.compareTo(LOW) >= 0 && ratio.compareTo(HIGH) <= 0;
  }

  /**
   * Checks the columns of one row against each other. The column that is off against every other
   * filled column is named; with only two filled, the later column (the one entered last) is.
   */
  static void check(Findings findings, String rowPath, String rowLabel, String[] fields, String[] names,
      BigDecimal[] values) {
    int filled = 0;
    for (BigDecimal v : values) {
      if (v != null && v.signum() > 0) {
        filled++;
      }
    }
    if (filled < 2) {
      return;
    }
    for (int i = values.length - 1; i >= 0; i--) {
      if (values[i] == null || values[i].signum() <= 0) {
        continue;
      }
      int against = 0;
      int off = 0;
      int other = -1;
      for (int j = 0; j < values.length; j++) {
        if (j != i && values[j] != null && values[j].signum() > 0) {
          against++;
          if (suspect(values[i], values[j])) {
            off++;
            other = j;
          }
        }
      }
      if (off > 0 && off == against) {
        findings.warning(FindingCode.MAGNITUDE_SUSPECT, rowPath + "." + fields[i],
            rowLabel + names[i] + " " + yuan(values[i]) + "与" + names[other] + " " + yuan(values[other])
                + " 相差约一万倍，请核对单位（元/万元）");
        return;
      }
    }
  }
}
