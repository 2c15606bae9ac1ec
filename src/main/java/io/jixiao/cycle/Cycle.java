package io.jixiao.cycle;

import java.time.LocalDate;

/**
 * 评价周期: one evaluation year of one region, filled against one template.
 *
 * @param headMayPrepare whether the unit head may sign a version they wrote (never one they submitted)
 */
public record Cycle(
    long id, String regionCode, int year, String templateCode,
    LocalDate draftDue, LocalDate signDue, LocalDate guidanceDue, LocalDate reviewDue, LocalDate publishDue,
    boolean headMayPrepare) {}
