package io.jixiao.report;

import io.jixiao.documents.WorkbookImport.CellError;
import io.jixiao.shared.DomainException;
import java.util.List;
import java.util.Map;

/** An imported workbook with problems: 400, every problem with its sheet and cell ({@code errors}); nothing written. */
public class WorkbookRefused extends DomainException {

  private final List<CellError> errors;

  public WorkbookRefused(List<CellError> errors) {
    super(Kind.INVALID, "invalid-workbook", detail(errors), Map.of("errors", List.copyOf(errors)));
    this.errors = List.copyOf(errors);
  }

  public List<CellError> errors() {
    return errors;
  }

  private static String detail(List<CellError> errors) {
    String first = errors.isEmpty() ? "" : errors.get(0).toString();
    return errors.size() == 1 ? "工作簿无法导入：" + first
        : "工作簿有 " + errors.size() + " 处问题，未导入任何内容；第一处：" + first;
  }
}
