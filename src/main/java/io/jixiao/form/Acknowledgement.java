package io.jixiao.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A warning the preparer has read and accepted, identified by {@link Finding#key()}. */
public record Acknowledgement(@NotBlank @Size(max = 300) String findingKey, @Size(max = 2000) String note) {}
