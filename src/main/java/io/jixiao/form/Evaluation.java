package io.jixiao.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything computed from one version of a package.
 *
 * @param overall     the overall table's summary
 * @param projects    each project table's summary, by project code
 * @param suggestions suggested score per quantitative indicator row, by row path
 *                    (e.g. {@code overall.indicators[2]}); qualitative rows have none
 * @param findings    every finding, errors first
 */
public record Evaluation(
    Summary overall,
    Map<String, Summary> projects,
    Map<String, BigDecimal> suggestions,
    List<Finding> findings) {

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * What stands between this version and its submission: every error, and every warning whose key
   * is not among the acknowledged ones. The one statement of "errors block, warnings need acknowledging".
   */
  public Blockers blockers(Set<String> acknowledgedKeys) {
    return new Blockers(
        findings.stream().filter(f -> f.severity() == Severity.ERROR).toList(),
        findings.stream().filter(f -> f.severity() == Severity.WARNING && !acknowledgedKeys.contains(f.key())).toList());
  }

  /** Findings that block submission: errors to correct, warnings to acknowledge. */
  public record Blockers(List<Finding> errors, List<Finding> unacknowledged) {
    public boolean none() {
      return errors.isEmpty() && unacknowledged.isEmpty();
    }
  }
}
