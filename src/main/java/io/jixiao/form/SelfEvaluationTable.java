package io.jixiao.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A self-evaluation table: 部门整体支出绩效自评表 (overall) or 项目支出绩效自评表 (per project).
 *
 * @param title        unit name (overall) or project name (项目支出名称)
 * @param supervisor   主管部门
 * @param implementer  实施单位
 * @param funds        the funds block: one row per {@link FundsLine}
 * @param goals        年度总体目标: expected vs achieved
 * @param indicators   绩效指标 rows, in display order
 * @param statedTotal  总分 as written on a paper form, if any
 * @param statedGrade  评价等级 as written on a paper form (e.g. "优", "良好"), if any
 */
public record SelfEvaluationTable(
    @Size(max = 300) String title,
    @Size(max = 300) String supervisor,
    @Size(max = 300) String implementer,
    @Size(max = Limits.FUNDS_ROWS) List<@Valid FundsRow> funds,
    @Size(max = Limits.GOALS) List<@Valid Goal> goals,
    @Size(max = Limits.INDICATOR_ROWS) List<@Valid IndicatorRow> indicators,
    @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal statedTotal,
    @Size(max = 20) String statedGrade) {

  public SelfEvaluationTable {
    funds = funds == null ? List.of() : List.copyOf(funds);
    goals = goals == null ? List.of() : List.copyOf(goals);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }
}
