package io.jixiao.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an evaluation cycle is filled against: the indicator first levels with their weights, the
 * execution-score weight, the grade bands and the narrative outline. Stored as data, never code.
 *
 * @param executionWeight 分值 of the funds block (预算执行率), normally 10
 * @param level1 the first levels of the project tables (附件4), and of every table unless
 *     {@code overallLevel1} says otherwise
 * @param overallLevel1 the first levels of the department-wide table (附件2) where its framework
 *     differs from the projects' — seed 003's cycle scores its projects cost-first (成本 20 / 产出 40 /
 *     效益 20 / 满意度 10) while its 附件2 has no 成本指标; null: the same as {@code level1}
 */
public record Template(
    String code,
    String name,
    BigDecimal executionWeight,
    List<Level1> level1,
    List<GradeBand> gradeBands,
    List<OutlineSection> outline,
    List<Level1> overallLevel1) {

  public Template {
    level1 = List.copyOf(level1);
    gradeBands = List.copyOf(gradeBands);
    outline = List.copyOf(outline);
    overallLevel1 = overallLevel1 == null ? null : List.copyOf(overallLevel1);
  }

  /** A template whose department-wide table has the projects' first levels. */
  public Template(String code, String name, BigDecimal executionWeight, List<Level1> level1,
      List<GradeBand> gradeBands, List<OutlineSection> outline) {
    this(code, name, executionWeight, level1, gradeBands, outline, null);
  }

  /** The first levels the department-wide table (附件2) is held to. */
  public List<Level1> departmentLevel1() {
    return overallLevel1 == null ? level1 : overallLevel1;
  }

  /**
   * A first-level indicator (一级指标).
   *
   * @param level2 the second levels (二级指标) this template suggests; rows may use their own wording
   */
  public record Level1(String code, String name, String nameEn, BigDecimal weight, List<String> level2) {}

  /** A grade applies from {@code min} (inclusive) up to the next band's min. */
  public record GradeBand(Grade grade, BigDecimal min) {}

  /** A numbered section of the narrative report; a required one must have text before submission. */
  public record OutlineSection(String key, String title, String titleEn, Boolean required) {

    public boolean mustBeFilled() {
      return Boolean.TRUE.equals(required);
    }
  }
}
