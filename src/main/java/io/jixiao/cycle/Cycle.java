package io.jixiao.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 评价周期: one evaluation year of one region, filled against one template.
 *
 * @param headMayPrepare  whether the unit head may sign a version they wrote (never one they submitted)
 * @param allUnits        the cycle covers every unit of its region (seeded cycles); otherwise only its listed units
 * @param publicationDays days from finance approval to the publication deadline (DOMAIN §8, default 20)
 * @param closedAt        when the cycle was closed to new packages, if it was
 */
public record Cycle(
    long id, String regionCode, int year, String templateCode,
    LocalDate draftDue, LocalDate signDue, LocalDate guidanceDue, LocalDate reviewDue, LocalDate publishDue,
    boolean headMayPrepare, boolean allUnits, int publicationDays, OffsetDateTime closedAt) {

  public boolean closed() {
    return closedAt != null;
  }
}
