package io.jixiao.report;

import io.jixiao.form.Grade;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One saved version of a package, without its content. */
public record ReportVersion(
    int version, String contentHash, BigDecimal totalScore, Grade grade, BigDecimal reviewTotal,
    int errorCount, int warningCount, OffsetDateTime createdAt, String createdBy) {}
