package io.jixiao.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an evaluation cycle is filled against: the indicator first levels with their weights, the
 * execution-score weight, the grade bands and the narrative outline. Stored as data, never code.
 *
 * @param executionWeight 分值 of the funds block (预算执行率), normally 10
 */
public record Template(
    String code,
    String name,
    BigDecimal executionWeight,
    List<Level1> level1,
    List<GradeBand> gradeBands,
    List<OutlineSection> outline) {

  public Template {
    level1 = List.copyOf(level1);
    gradeBands = List.copyOf(gradeBands);
    outline = List.copyOf(outline);
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
