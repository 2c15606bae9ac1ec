package io.jixiao.form;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * 项目支出绩效自评报告 (附件3).
 *
 * @param budgetAmount  年度预算金额, 元
 * @param department    项目主管部门
 * @param purpose       项目立项目的
 * @param management    项目支出管理和使用基本情况
 * @param goalsAchieved 项目绩效目标完成情况
 * @param problems      存在的问题
 * @param improvements  改进措施
 * @param other         其他需要说明问题
 */
public record ProjectReport(
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal budgetAmount,
    @Size(max = 300) String department,
    @Size(max = 20000) String purpose,
    @Size(max = 20000) String management,
    @Size(max = 20000) String goalsAchieved,
    @Size(max = 20000) String problems,
    @Size(max = 20000) String improvements,
    @Size(max = 20000) String other) {

  /** A text field by its name ({@code purpose}, {@code management}, …), as the pages list them; null for no such field. */
  public String text(String field) {
    return switch (field) {
      case "purpose" -> purpose;
      case "management" -> management;
      case "goalsAchieved" -> goalsAchieved;
      case "problems" -> problems;
      case "improvements" -> improvements;
      case "other" -> other;
      default -> null;
    };
  }
}
