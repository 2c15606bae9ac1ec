package io.jixiao.form;

/** 评价等级. */
public enum Grade {
  /** 优 */
  EXCELLENT,
  /** 良 */
  GOOD,
  /** 中 */
  FAIR,
  /** 差 */
  POOR
}
