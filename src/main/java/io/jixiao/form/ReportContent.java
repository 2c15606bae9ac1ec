package io.jixiao.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything a unit fills in for one evaluation year: one immutable version of a report package.
 *
 * @param basicData       部门整体支出绩效评价基础数据表
 * @param overall         部门整体支出绩效自评表
 * @param narrative       部门整体支出绩效自评报告, one entry per section of the template's outline
 * @param projects        one per special project (专项): its report (附件3) and table (附件4)
 * @param filling         填表人 / 联系电话 / 填报日期
 * @param acknowledgements warnings the preparer has acknowledged, by finding key
 */
public record ReportContent(
    @Valid BasicDataTable basicData,
    @Valid SelfEvaluationTable overall,
    @Size(max = Limits.NARRATIVE_SECTIONS) List<@Valid NarrativeSection> narrative,
    @Size(max = Limits.PROJECTS) List<@Valid Project> projects,
    @Valid Filling filling,
    @Size(max = Limits.ACKNOWLEDGEMENTS) List<@Valid Acknowledgement> acknowledgements) {

  public ReportContent {
    narrative = narrative == null ? List.of() : List.copyOf(narrative);
    projects = projects == null ? List.of() : List.copyOf(projects);
    acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
  }

  /** The keys ({@code CODE@path}) of the warnings the preparer has acknowledged. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public java.util.Set<String> acknowledgedKeys() {
    return acknowledgements.stream().map(Acknowledgement::findingKey).collect(java.util.stream.Collectors.toSet());
  }

  public static ReportContent empty() {
    return new ReportContent(null, null, List.of(), List.of(), null, List.of());
  }
}
