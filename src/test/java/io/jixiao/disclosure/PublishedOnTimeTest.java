package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** 20 days from finance's approval (DOMAIN §8), counted in China's calendar days. */
class PublishedOnTimeTest {

  @Test
  void theDeadlineIsTheTwentiethDayAfterTheDayOfApprovalInChina() {
    // 16:30 UTC on 1 March is already 2 March in China.
    OffsetDateTime approved = OffsetDateTime.parse("2025-03-01T16:30:00Z");
    assertThat(PublishedPackage.deadline(approved)).isEqualTo(LocalDate.of(2025, 3, 22));
    assertThat(PublishedPackage.onTime(approved, OffsetDateTime.parse("2025-03-22T23:59:59+08:00"))).isTrue();
    assertThat(PublishedPackage.onTime(approved, OffsetDateTime.parse("2025-03-22T15:59:59Z"))).isTrue();
    assertThat(PublishedPackage.onTime(approved, OffsetDateTime.parse("2025-03-23T00:00:00+08:00"))).isFalse();
    assertThat(PublishedPackage.onTime(approved, approved)).isTrue();
  }
}
