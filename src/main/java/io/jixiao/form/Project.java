package io.jixiao.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A special project (专项): its self-evaluation report (附件3) and table (附件4).
 *
 * @param code   a key unique within the package, stable across versions
 */
public record Project(
    @NotBlank @Size(max = 60) String code,
    @Size(max = 300) String name,
    @Valid ProjectReport report,
    @Valid SelfEvaluationTable table) {}
