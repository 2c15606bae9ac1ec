package io.jixiao.ui;

import io.jixiao.form.BasicDataTable;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.Evaluation;
import io.jixiao.form.Finding;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.ReportContent;
import io.jixiao.form.SelfEvaluationTable;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** Look-ups the page templates need, so the templates stay free of logic. */
@Component("forms")
class FormView {

  private final tools.jackson.databind.json.JsonMapper json;

  FormView(tools.jackson.databind.json.JsonMapper json) {
    this.json = json;
  }

  public FundsRow fundsRow(SelfEvaluationTable table, FundsLine line) {
    return table == null ? null : table.funds().stream().filter(r -> r.line() == line).findFirst().orElse(null);
  }

  public CostRow costRow(BasicDataTable data, CostLine line) {
    return data == null ? null : data.costs().stream().filter(r -> r.line() == line).findFirst().orElse(null);
  }

  /** The 项目支出 rows, one per project, plus a blank one to add another. */
  public List<CostRow> costItems(BasicDataTable data) {
    List<CostRow> items = new java.util.ArrayList<>(data == null ? List.of()
        : data.costs().stream().filter(r -> r.line() == CostLine.PROJECT_ITEM).toList());
    items.add(null);
    return items;
  }

  /**
   * The stored row a rendered row comes from (its index in the version the editor laid over), for the
   * form's {@code origin} field: the row's own index when the page shows a stored version, the merge's
   * record when it shows unsaved content, none for a row the preparer added.
   */
  public Integer origin(java.util.Map<String, Integer> origins, String listPath, List<?> rows, Object row) {
    if (row == null || rows == null) {
      return null;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == row) {
        return origins == null ? Integer.valueOf(i) : origins.get(listPath + "[" + i + "]");
      }
    }
    return null;
  }

  public NarrativeSection section(ReportContent content, String key) {
    return content.narrative().stream().filter(s -> key.equals(s.key())).findFirst().orElse(null);
  }

  /** Sections a package has that its template's outline does not list (another region's outline). */
  public List<NarrativeSection> extraSections(ReportContent content, List<String> outlineKeys) {
    return content.narrative().stream().filter(s -> !outlineKeys.contains(s.key())).toList();
  }

  public <T> List<T> withBlank(List<T> rows) {
    List<T> result = new java.util.ArrayList<>(rows);
    result.add(null);
    return result;
  }

  public BigDecimal suggestion(Evaluation evaluation, String rowPath) {
    return evaluation.suggestions().get(rowPath);
  }

  public List<Finding> findingsAt(Evaluation evaluation, String pathPrefix) {
    return evaluation.findings().stream()
        .filter(f -> f.path().equals(pathPrefix) || f.path().startsWith(pathPrefix + ".")
            || f.path().startsWith(pathPrefix + "["))
        .toList();
  }

  /** A stored 元 amount in the unit the editor shows money in. */
  public String money(BigDecimal yuan, MoneyUnit unit) {
    return (unit == null ? MoneyUnit.YUAN : unit).show(yuan);
  }

  public String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** A rate as a percentage with two decimals: 0.9876 → 98.76%. */
  public String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
  }

  public String reportField(io.jixiao.form.ProjectReport report, String field) {
    String text = report == null ? null : report.text(field);
    return text == null ? "" : text;
  }

  public String pretty(ReportContent content) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(content);
  }

  public String shortHash(String hash) {
    return hash == null ? "" : hash.trim().substring(0, Math.min(12, hash.trim().length()));
  }

  // ---- narrative figures (issue 12: extracted from the text, linked to cells) ----

  /** The figure's text with a little context: [before, the figure, after]; null without a span. */
  public String[] figureSnippet(NarrativeSection section, io.jixiao.form.StatedFigure figure) {
    String text = section == null ? null : section.text();
    if (text == null || figure.offset() == null || figure.length() == null
        || figure.offset() + figure.length() > text.length()) {
      return null;
    }
    int start = figure.offset();
    int end = start + figure.length();
    return new String[] {text.substring(Math.max(0, start - 16), start).replace('\n', ' '), text.substring(start, end),
        text.substring(end, Math.min(text.length(), end + 8)).replace('\n', ' ')};
  }

  /** The cells a figure may be re-linked to. */
  public List<io.jixiao.form.FigureMatcher.Candidate> figureCandidates(ReportContent content,
      io.jixiao.form.StatedFigure figure) {
    return io.jixiao.form.FigureMatcher.candidates(content, figure.kind());
  }

  /** What the page calls the cell a figure is linked to (its path when no candidate names it). */
  public String cellLabel(ReportContent content, io.jixiao.form.StatedFigure figure) {
    if (figure.refersTo() == null) {
      return null;
    }
    return figureCandidates(content, figure).stream().filter(c -> c.path().equals(figure.refersTo()))
        .map(io.jixiao.form.FigureMatcher.Candidate::label).findFirst().orElse(figure.refersTo());
  }

  /** A figure's value as the text writes it: 元 amounts in 万元. */
  public String figureValue(io.jixiao.form.StatedFigure figure) {
    if (figure.amount() == null) {
      return "";
    }
    BigDecimal v = figure.kindOrMoney() == io.jixiao.form.FigureKind.MONEY ? figure.amount().movePointLeft(4) : figure.amount();
    v = v.stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
  }
}
