package io.jixiao.dashboard;

import io.jixiao.report.Stage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One package of the cycle as the dashboard shows it.
 *
 * @param taskId              the open task (null once published)
 * @param role                the realm role the task is for (its candidate group, with the unit)
 * @param assignee            who holds the task; null: nobody has claimed it
 * @param waitingSince        when the package arrived at its stage (the task's creation)
 * @param waitingDays         whole days since then
 * @param due                 the stage's due date (the cycle's), if any
 * @param approvedAt          finance's latest approval, at DISCLOSURE and once PUBLISHED
 * @param publicationDeadline the approval's day (China) plus the cycle's publication days (DOMAIN §8)
 * @param daysToDeadline      days from today to that deadline while awaiting publication (negative: past it)
 * @param publishedAt         when it was published, once PUBLISHED
 * @param overdue             the task is past its due date
 * @param late                overdue, or publication is (or was) past its deadline
 */
public record DashboardRow(
    UUID reportId, String unitCode, String unitName, int version, Stage stage, String taskId, String role,
    String assignee, OffsetDateTime waitingSince, Integer waitingDays, LocalDate due, OffsetDateTime approvedAt,
    LocalDate publicationDeadline, Integer daysToDeadline, OffsetDateTime publishedAt, boolean overdue, boolean late) {

  /** The day (China's) it was published, if it was. */
  public LocalDate publishedDay() {
    return publishedAt == null ? null : publishedAt.atZoneSameInstant(Dashboard.ZONE).toLocalDate();
  }
}
