package io.jixiao.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One 三级指标 row of the indicator table.
 *
 * @param level1          first-level code from the template (e.g. OUTPUT = 产出指标)
 * @param level2          二级指标 as written (数量指标, 质量指标, or a unit's own wording)
 * @param name            三级指标
 * @param target          年度指标值 as written: "≥98%", "=3次", "95%以上", "按时保质完成", "2024年12月31日"
 * @param actual          实际完成值 as written
 * @param weight          分值
 * @param selfScore       得分 the unit entered
 * @param reviewScore     复核得分 entered by the finance reviewer
 * @param notApplicable   不适用: true for a row the unit marks N/A (not scored, not counted)
 * @param deviationReason 偏差原因分析及改进措施
 */
public record IndicatorRow(
    @NotBlank @Size(max = 40) String level1,
    @Size(max = 200) String level2,
    @Size(max = 2000) String name,
    @Size(max = 200) String target,
    @Size(max = 200) String actual,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal selfScore,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal reviewScore,
    @Size(max = 4000) String deviationReason,
    // Absent unless marked, so content from before the field existed keeps its bytes and its hash.
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean notApplicable) {

  /** False for a row marked 不适用 (the seeds' "指标1: / / /"), which is neither scored nor counted. */
  public boolean counts() {
    return !Boolean.TRUE.equals(notApplicable);
  }
}
