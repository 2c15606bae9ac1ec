package io.jixiao.workflow;

import io.jixiao.report.Stage;

/** What a user may try to do to a package. */
public enum Action {
  READ, EDIT, SUBMIT, SIGN, COMMENT, SCORE, APPROVE, RETURN, PUBLISH, CLAIM, REASSIGN;

  /** The action that completing a stage's task with an outcome amounts to. */
  public static Action of(Stage stage, Outcome outcome) {
    if (outcome == Outcome.RETURN) {
      return RETURN;
    }
    return switch (stage) {
      case DRAFT -> SUBMIT;
      case UNIT_SIGN -> SIGN;
      case DISCLOSURE -> PUBLISH;
      default -> APPROVE;
    };
  }
}
