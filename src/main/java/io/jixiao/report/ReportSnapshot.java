package io.jixiao.report;

import io.jixiao.form.Evaluation;
import io.jixiao.form.ReportContent;
import java.util.function.Supplier;

/**
 * One version of a package with everything computed from it. The evaluation (every rule over the content)
 * is computed when first asked for: most lifecycle steps need the version and content, not the findings.
 */
public final class ReportSnapshot {

  private final Report report;
  private final ReportVersion version;
  private final ReportContent content;
  private final Supplier<Evaluation> evaluate;
  private volatile Evaluation evaluation;

  public ReportSnapshot(Report report, ReportVersion version, ReportContent content, Supplier<Evaluation> evaluate) {
    this.report = report;
    this.version = version;
    this.content = content;
    this.evaluate = evaluate;
  }

  public Report report() {
    return report;
  }

  public ReportVersion version() {
    return version;
  }

  public ReportContent content() {
    return content;
  }

  public Evaluation evaluation() {
    Evaluation computed = evaluation;
    if (computed == null) {
      computed = evaluate.get();
      evaluation = computed;
    }
    return computed;
  }
}
