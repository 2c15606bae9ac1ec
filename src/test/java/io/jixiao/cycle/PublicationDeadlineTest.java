package io.jixiao.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The publication deadline: the cycle's days (20 by default) after the day of finance's approval, in China. */
class PublicationDeadlineTest {

  // 16:30 UTC on 1 March is already 2 March in China.
  static final OffsetDateTime APPROVED = OffsetDateTime.parse("2025-03-01T16:30:00Z");

  @Test
  void theDeadlineCountsFromTheApprovalsDayInChina() {
    assertThat(PublicationDeadline.deadline(APPROVED, PublicationDeadline.DEFAULT_DAYS)).isEqualTo(LocalDate.of(2025, 3, 22));
    assertThat(PublicationDeadline.deadline(APPROVED, 30)).isEqualTo(LocalDate.of(2025, 4, 1));
  }

  @Test
  void publishedInTimeIsNotLate() {
    var onTheLastDay = PublicationDeadline.of(APPROVED, 20, OffsetDateTime.parse("2025-03-22T23:59:59+08:00"), null);
    assertThat(onTheLastDay.published()).isTrue();
    assertThat(onTheLastDay.late()).isFalse();
    assertThat(onTheLastDay.daysLate()).isZero();
  }

  @Test
  void publishedLateStaysFlaggedWithItsDaysLate() {
    var late = PublicationDeadline.of(APPROVED, 20, OffsetDateTime.parse("2025-03-27T09:00:00+08:00"),
        LocalDate.of(2026, 1, 1));
    assertThat(late.late()).isTrue();
    assertThat(late.daysLate()).as("judged by the publication, whatever today is").isEqualTo(5);
    assertThat(PublicationDeadline.of(APPROVED, 20, OffsetDateTime.parse("2025-03-22T16:00:00Z"), null).daysLate())
        .as("00:00 on 23 March in China").isEqualTo(1);
  }

  @Test
  void unpublishedIsJudgedAgainstToday() {
    assertThat(PublicationDeadline.of(APPROVED, 20, null, LocalDate.of(2025, 3, 22)).late()).isFalse();
    var overdue = PublicationDeadline.of(APPROVED, 20, null, LocalDate.of(2025, 3, 25));
    assertThat(overdue.published()).isFalse();
    assertThat(overdue.late()).isTrue();
    assertThat(overdue.daysLate()).isEqualTo(3);
    assertThat(PublicationDeadline.of(APPROVED, 5, null, LocalDate.of(2025, 3, 8)).daysLate()).isEqualTo(1);
  }
}
