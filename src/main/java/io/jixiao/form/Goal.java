package io.jixiao.form;

import jakarta.validation.constraints.Size;

/** 年度总体目标: 预期目标 (expected) vs 实际完成情况 (achieved). */
public record Goal(@Size(max = 20000) String expected, @Size(max = 20000) String achieved) {}
