package io.jixiao.form;

/** Rows of the 经费控制情况 block of the basic data table. */
public enum CostLine {
  /** 一、部门基本支出 */
  BASIC,
  /** 其中：公用经费 */
  PUBLIC_FUNDS,
  /** 其中：办公费 */
  OFFICE,
  /** 水费、电费、差旅费 */
  UTILITIES_TRAVEL,
  /** 会议费、培训费 */
  MEETINGS_TRAINING,
  /** 三公经费: the sum of the three parts below */
  THREE_PUBLIC,
  /** 1.公务用车购置和维护经费 */
  OFFICIAL_VEHICLES,
  /** 2.出国经费 */
  OVERSEAS_TRAVEL,
  /** 3.公务接待 */
  OFFICIAL_RECEPTION,
  /** 二、项目支出小计: the sum of the PROJECT_ITEM rows */
  PROJECT,
  /** one row per project */
  PROJECT_ITEM,
  /** 政府采购金额 */
  PROCUREMENT
}
