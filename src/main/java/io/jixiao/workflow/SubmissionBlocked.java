package io.jixiao.workflow;

import io.jixiao.form.Finding;
import io.jixiao.shared.DomainException;
import java.util.List;
import java.util.Map;

/** 尚不能提交: errors stand or warnings are unacknowledged; both lists go with the refusal. */
public class SubmissionBlocked extends DomainException {

  private final List<Finding> errors;

  SubmissionBlocked(List<Finding> errors, List<Finding> unacknowledged) {
    super(Kind.UNPROCESSABLE, "not-submittable", detail(errors, unacknowledged),
        Map.of("errors", errors, "unacknowledgedWarnings", unacknowledged));
    this.errors = List.copyOf(errors);
  }

  /** The blocking errors, for the page to list. */
  public List<Finding> errors() {
    return errors;
  }

  @Override
  public String title() {
    return "尚不能提交 Not submittable";
  }

  private static String detail(List<Finding> errors, List<Finding> unacknowledged) {
    return errors.isEmpty()
        ? "还有 " + unacknowledged.size() + " 条提醒未确认"
        : "还有 " + errors.size() + " 个错误须先改正" + (unacknowledged.isEmpty() ? "" : "，" + unacknowledged.size() + " 条提醒未确认");
  }
}
