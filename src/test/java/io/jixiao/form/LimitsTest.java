package io.jixiao.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Decimals are bounded with cheap operations only: a huge exponent is refused without being expanded. */
class LimitsTest {

  @Test
  void hugeExponentsAreRefusedQuickly() {
    long started = System.nanoTime();
    for (String text : new String[] {"1e-99999999", "1e99999999", "1E+2147483647", "1E-2147483647",
        "123456789e-999999999", "10E+2147483647", "9".repeat(19), "0.00001", "1.23456"}) {
      assertThat(Limits.bounded(new BigDecimal(text))).as(text).isEmpty();
    }
    assertThat(System.nanoTime() - started).as("no expansion to plain digits").isLessThan(500_000_000L);
  }

  @Test
  void decimalsWithinBoundsAreKeptAndTrailingZerosDoNotCount() {
    assertThat(Limits.bounded(new BigDecimal("20.5712"))).hasValue(new BigDecimal("20.5712")); // 万元, 4 decimals
    assertThat(Limits.bounded(new BigDecimal("999999999999999999.9999"))).isPresent(); // 18 + 4 digits
    assertThat(Limits.bounded(new BigDecimal("10.00"))).hasValue(new BigDecimal("10.00")); // as written
    assertThat(Limits.bounded(new BigDecimal("1.000000"))).hasValue(new BigDecimal("1"));
    assertThat(Limits.bounded(new BigDecimal("1E+3"))).hasValue(new BigDecimal("1000"));
    assertThat(Limits.bounded(new BigDecimal("0E-99999999")).orElseThrow().toPlainString()).isEqualTo("0");
    assertThat(Limits.bounded(new BigDecimal("-12.5"))).hasValue(new BigDecimal("-12.5")); // signs are for @DecimalMin
  }

  @Test
  void formTextIsMeasuredBeforeItIsParsed() {
    assertThat(Limits.parse(" 88.5 ")).hasValue(new BigDecimal("88.5"));
    assertThat(Limits.parse("9".repeat(1_000_000))).isEmpty();
    assertThat(Limits.parse("1e-99999999")).isEmpty();
    assertThat(Limits.parse("1e9999999999")).isEmpty();
    assertThat(Limits.parse("九十")).isEmpty();
    assertThat(Limits.parse("")).isEmpty();
  }
}
