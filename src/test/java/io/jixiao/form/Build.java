package io.jixiao.form;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Short constructors for hand-written test packages. Money in 元. */
final class Build {

  private Build() {}

  static BigDecimal d(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  static IndicatorRow row(String target, String actual, String weight, String self) {
    return new IndicatorRow("OUTPUT", "数量指标", "指标", target, actual, d(weight), d(self), null, null, null);
  }

  static IndicatorRow row(String target, String actual, String weight, String self, String reason) {
    return new IndicatorRow("OUTPUT", "数量指标", "指标", target, actual, d(weight), d(self), null, reason, null);
  }

  static IndicatorRow reviewed(IndicatorRow r, String review) {
    return new IndicatorRow(r.level1(), r.level2(), r.name(), r.target(), r.actual(), r.weight(), r.selfScore(),
        d(review), r.deviationReason(), r.notApplicable());
  }

  static IndicatorRow cost(String target, String actual, String weight, String self) {
    return new IndicatorRow("OUTPUT", "成本指标", "成本", target, actual, d(weight), d(self), null, null, null);
  }

  static FundsRow funds(FundsLine line, String initial, String adjusted, String executed) {
    return new FundsRow(line, null, d(initial), d(adjusted), d(executed), null, null, null, null);
  }

  static FundsRow total(String initial, String adjusted, String executed, String weight, String self) {
    return new FundsRow(FundsLine.TOTAL, null, d(initial), d(adjusted), d(executed), d(weight), d(self), null, null);
  }

  static FundsRow total(String adjusted, String executed) {
    return total(adjusted, adjusted, executed, "10", null);
  }

  static SelfEvaluationTable table(List<FundsRow> funds, IndicatorRow... rows) {
    return new SelfEvaluationTable("表", null, null, funds, List.of(), Arrays.asList(rows), null, null);
  }

  static SelfEvaluationTable stated(SelfEvaluationTable t, String total, String grade) {
    return new SelfEvaluationTable(t.title(), t.supervisor(), t.implementer(), t.funds(), t.goals(), t.indicators(),
        d(total), grade);
  }

  /** A table whose weights add up to 100: execution 10 + rows of 30, 30, 30. */
  static SelfEvaluationTable fullTable() {
    return table(List.of(total("1000.00", "1000.00")),
        row("=3次", "3次", "30", "30"), row("≥98%", "98%", "30", "30"), row("按时保质完成", "达成预期指标", "30", "30"));
  }

  static ReportContent overall(SelfEvaluationTable table) {
    return new ReportContent(null, table, List.of(), List.of(), null, List.of());
  }

  static ReportContent withProjects(Project... projects) {
    return new ReportContent(null, null, List.of(), Arrays.asList(projects), null, List.of());
  }

  static ReportContent basic(CostRow... rows) {
    return new ReportContent(new BasicDataTable(5, 5, Arrays.asList(rows), List.of(), null), null, List.of(),
        List.of(), null, List.of());
  }

  static CostRow costRow(CostLine line, String prior, String budget, String finalAccount) {
    return new CostRow(line, null, d(prior), d(budget), d(finalAccount));
  }

  static ReportContent narrative(ReportContent base, NarrativeSection... sections) {
    return new ReportContent(base.basicData(), base.overall(), Arrays.asList(sections), base.projects(),
        base.filling(), base.acknowledgements());
  }

  static NarrativeSection section(String key, String text, StatedFigure... figures) {
    return new NarrativeSection(key, key, text, Arrays.asList(figures));
  }

  static StatedFigure figure(String label, String amount, String refersTo, String... parts) {
    return new StatedFigure(label, d(amount), Arrays.stream(parts).map(Build::d).toList(), refersTo);
  }
}
