package io.jixiao.form;

/** What a figure in narrative text measures, by the unit written after it. */
public enum FigureKind {
  /** 123.45万元, 1,234元, 31万 (in a list of amounts); the value is in 元 */
  MONEY,
  /** 12.5% */
  PERCENT,
  /** 98分 */
  SCORE,
  /** 6名, 230个, 3万余人次 */
  COUNT,
  /** 2023年 */
  YEAR
}
