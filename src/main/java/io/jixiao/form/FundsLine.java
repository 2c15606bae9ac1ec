package io.jixiao.form;

/** The rows a funds block (项目资金 / 年度预算申请) may have. */
public enum FundsLine {
  /** 资金总额 / 年度资金总额: carries the weight and the execution score. */
  TOTAL,
  /** 一般公共预算 */
  GENERAL_BUDGET,
  /** 政府性基金拨款 */
  GOVERNMENT_FUND,
  /** 纳入专户管理的非税收入拨款 */
  SPECIAL_ACCOUNT,
  /** 当年财政拨款 (project tables) */
  CURRENT_YEAR,
  /** 上年结转资金 (project tables) */
  CARRIED_OVER,
  /** 其他资金 */
  OTHER_FUNDS,
  /** 基本支出 */
  BASIC,
  /** 人员类 (part of 基本支出) */
  PERSONNEL,
  /** 运转类公用经费 (part of 基本支出) */
  OPERATING,
  /** 其他运转类 (part of 基本支出) */
  OTHER_OPERATING,
  /** 项目支出 (特定目标类) */
  PROJECT;

  /** Lines that split the total by source of income; they add up to {@link #TOTAL}. */
  public boolean isSource() {
    return switch (this) {
      case GENERAL_BUDGET, GOVERNMENT_FUND, SPECIAL_ACCOUNT, CURRENT_YEAR, CARRIED_OVER, OTHER_FUNDS -> true;
      default -> false;
    };
  }

  /** Lines that split the total by nature of expense; they add up to {@link #TOTAL}. */
  public boolean isNature() {
    return this == BASIC || this == PROJECT;
  }

  /** Lines that split {@link #BASIC}. */
  public boolean isBasicPart() {
    return this == PERSONNEL || this == OPERATING || this == OTHER_OPERATING;
  }
}
