package io.jixiao.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A cycle's due date per stage: draft, sign, guidance, review, publish — in that order, none missing. */
public record DueDates(LocalDate draft, LocalDate sign, LocalDate guidance, LocalDate review, LocalDate publish) {

  /** What is wrong with these dates (missing, or a stage due before the one it follows); empty if nothing. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    String[] names = {"draft", "sign", "guidance", "review", "publish"};
    LocalDate[] dates = {draft, sign, guidance, review, publish};
    for (int i = 0; i < dates.length; i++) {
      if (dates[i] == null) {
        problems.add(names[i] + " 截止日期不能为空");
      } else if (i > 0 && dates[i - 1] != null && dates[i].isBefore(dates[i - 1])) {
        problems.add(names[i] + " 截止日期 " + dates[i] + " 早于 " + names[i - 1] + " 截止日期 " + dates[i - 1]);
      }
    }
    return problems;
  }

  public static DueDates of(Cycle cycle) {
    return new DueDates(cycle.draftDue(), cycle.signDue(), cycle.guidanceDue(), cycle.reviewDue(), cycle.publishDue());
  }
}
