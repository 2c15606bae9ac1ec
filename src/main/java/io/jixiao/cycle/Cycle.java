package io.jixiao.cycle;

import java.time.LocalDate;

/** 评价周期: one evaluation year of one region, filled against one template. */
public record Cycle(
    long id, String regionCode, int year, String templateCode,
    LocalDate draftDue, LocalDate signDue, LocalDate guidanceDue, LocalDate reviewDue, LocalDate publishDue) {}
