package io.jixiao.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One section of a narrative report (自评报告), keyed by the template outline's section key.
 *
 * @param figures amounts the text states that the tables also hold, so they can be checked
 *                against each other (e.g. "项目支出52.5万元")
 */
public record NarrativeSection(
    @NotBlank @Size(max = 60) String key,
    @Size(max = 300) String title,
    @Size(max = Limits.NARRATIVE_TEXT) String text,
    @Size(max = Limits.FIGURES) List<@Valid StatedFigure> figures) {

  public NarrativeSection {
    figures = figures == null ? List.of() : List.copyOf(figures);
  }
}
