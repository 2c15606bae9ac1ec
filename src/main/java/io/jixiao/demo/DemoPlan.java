package io.jixiao.demo;

import io.jixiao.report.Stage;
import java.util.List;

/**
 * A clean package to take to {@code target}. {@code returnedByBureau}: to the bureau and back to
 * the draft with comments; {@code keepClaimed}: the target stage's task stays with its reviewer;
 * {@code approvedDaysAgo}: in the demo's story finance approved it that many days before it is published
 * (more than the cycle's 20: published late).
 */
record DemoPlan(String unitCode, int year, Stage target, boolean returnedByBureau, boolean keepClaimed,
    int approvedDaysAgo) {

  /** Years clear of the fixtures' (lingling-jsx 2022, xintian-jsx 2021 and 2022). */
  static final List<DemoPlan> ALL = List.of(
      DemoPlan.to("xintian-jsx", 2023, Stage.UNIT_SIGN),
      new DemoPlan("xintian-jsx", 2024, Stage.DRAFT, true, false, 0),
      new DemoPlan("xintian-jsx", 2025, Stage.PUBLISHED, false, false, 25),
      DemoPlan.to("xintian-fyjk", 2023, Stage.BUREAU_GUIDANCE),
      new DemoPlan("xintian-fyjk", 2024, Stage.FINANCE_REVIEW, false, true, 0),
      DemoPlan.to("xintian-fyjk", 2025, Stage.DISCLOSURE),
      DemoPlan.to("lingling-jsx", 2023, Stage.UNIT_SIGN),
      DemoPlan.to("lingling-jsx", 2024, Stage.FINANCE_REVIEW),
      DemoPlan.to("lingling-fyjk", 2023, Stage.BUREAU_GUIDANCE),
      DemoPlan.to("lingling-fyjk", 2024, Stage.DISCLOSURE));

  static DemoPlan to(String unitCode, int year, Stage target) {
    return new DemoPlan(unitCode, year, target, false, false, 0);
  }
}
