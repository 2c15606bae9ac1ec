package io.jixiao.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
}
