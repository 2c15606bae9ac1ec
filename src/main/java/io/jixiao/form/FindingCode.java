package io.jixiao.form;

/**
 * What a finding is about. The names are a public contract (the API's {@code findings[].code}, and
 * acknowledgement keys {@code CODE@path}): never rename one.
 */
public enum FindingCode {
  /** 权重合计不为 100 */
  WEIGHTS_NOT_100,
  /** 得分高于分值 */
  SCORE_ABOVE_WEIGHT,
  /** 未达标而无偏差原因 */
  MISSING_DEVIATION_REASON,
  /** 分项之和与合计不符 */
  SUM_MISMATCH,
  /** 超预算执行而无说明 */
  OVER_BUDGET_UNEXPLAINED,
  /** 日期不在评价年度内 */
  DATE_OUT_OF_YEAR,
  /** 数量级可疑（元/万元混用） */
  MAGNITUDE_SUSPECT,
  /** 自评得分与建议得分不同 */
  SELF_SCORE_DIFFERS,
  /** 表中所写总分与计算不符 */
  STATED_TOTAL_MISMATCH,
  /** 表中所写等级与总分不符 */
  STATED_GRADE_MISMATCH,
  /** 报告文字中的数字与表格不符 */
  NARRATIVE_FIGURE_MISMATCH,
  /** 必填部分未填（完整性） */
  INCOMPLETE,
  /** 基本数据表项目支出与项目自评表不符 */
  PROJECT_ROWS_DIFFER,
  /** 项目自评报告预算与项目自评表不符 */
  PROJECT_BUDGET_DIFFERS,
  /** 同一主管部门名称前后不一致 */
  NAME_DIFFERS,
  /** 一级指标分值合计与模板不符 */
  LEVEL1_WEIGHT_DIFFERS,
  /** 编制、在职人数与报告文字不符 */
  STAFFING_DIFFERS
}
