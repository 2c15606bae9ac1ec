package io.jixiao.reminder;

import io.jixiao.report.Stage;
import io.jixiao.workflow.OpenTask;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Chinese subject and body of a reminder or escalation, the same in the app and in the mail. */
final class ReminderMessages {

  record Message(String subject, String body) {}

  private ReminderMessages() {}

  static String stageName(Stage stage) {
    return switch (stage) {
      case DRAFT -> "填报";
      case UNIT_SIGN -> "单位负责人签字";
      case BUREAU_GUIDANCE -> "主管部门审核指导";
      case FINANCE_REVIEW -> "财政复核";
      case DISCLOSURE -> "公开";
      case PUBLISHED -> "已公开";
    };
  }

  /**
   * @param due     the task's due date (China's calendar)
   * @param today   today in China
   * @param holders who the task waits for: its assignee, or its candidates while unclaimed
   * @param url     the package page, absolute
   */
  static Message of(ReminderKind kind, OpenTask task, LocalDate due, LocalDate today, List<String> holders,
      boolean claimed, String url) {
    String what = task.unitName() + " " + task.year() + " 年度绩效自评材料";
    String stage = stageName(task.stage());
    String who = (claimed ? "经办人：" : "待认领，可办理人：") + String.join("、", holders);
    if (kind == ReminderKind.REMINDER) {
      long left = ChronoUnit.DAYS.between(today, due);
      return new Message(
          "【绩效自评】催办提醒：" + what + "「" + stage + "」将于 " + due + " 到期",
          "您好：\n\n" + what + "正处于「" + stage + "」环节，截止日期为 " + due + "（还有 " + left + " 天）。\n"
              + who + "\n\n请及时办理：" + url + "\n\n（本邮件由绩效自评系统自动发送，请勿回复。）\n");
    }
    long late = Math.max(1, ChronoUnit.DAYS.between(due, today));
    return new Message(
        "【绩效自评】逾期提醒：" + what + "「" + stage + "」已超过截止日期 " + due,
        "您好：\n\n" + what + "的「" + stage + "」环节已超过截止日期 " + due + "（已逾期 " + late + " 天），尚未办理。\n"
            + who + "\n本提醒已同时发送给系统管理员。\n\n请尽快办理：" + url
            + "\n\n（本邮件由绩效自评系统自动发送，请勿回复。）\n");
  }
}
