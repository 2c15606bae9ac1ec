package io.jixiao.report;

import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;

/** One version of a package with everything computed from it. */
public record ReportSnapshot(Report report, ReportVersion version, ReportContent content, Evaluation evaluation) {}
