package io.jixiao.workflow;

import io.jixiao.report.Stage;
import java.util.Set;

/**
 * The lifecycle process's variables: written when a process starts or a task completes, read by the
 * task projection and named in {@code bpmn/report-lifecycle.bpmn20.xml}. A test checks that the BPMN's
 * expressions name only these.
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "reportLifecycle";

  public static final String REPORT_ID = "reportId";
  public static final String UNIT_CODE = "unitCode";
  public static final String YEAR = "year";
  public static final String DRAFT_DUE = "draftDue";
  public static final String SIGN_DUE = "signDue";
  public static final String GUIDANCE_DUE = "guidanceDue";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String PUBLISH_DUE = "publishDue";
  /** {@link Outcome} name of the task just completed. */
  public static final String OUTCOME = "outcome";
  /** For a RETURN, the {@link Stage} name it goes back to (one of {@link Stage#returnTargets()}). */
  public static final String RETURN_TO = "returnTo";

  public static final Set<String> ALL = Set.of(REPORT_ID, UNIT_CODE, YEAR, DRAFT_DUE, SIGN_DUE, GUIDANCE_DUE, REVIEW_DUE,
      PUBLISH_DUE, OUTCOME, RETURN_TO);

  private ProcessVariables() {}

  /** The variable holding a stage's due date. */
  static String dueOf(Stage stage) {
    return switch (stage) {
      case DRAFT -> DRAFT_DUE;
      case UNIT_SIGN -> SIGN_DUE;
      case BUREAU_GUIDANCE -> GUIDANCE_DUE;
      case FINANCE_REVIEW -> REVIEW_DUE;
      case DISCLOSURE -> PUBLISH_DUE;
      case PUBLISHED -> throw new IllegalArgumentException("no task once published");
    };
  }
}
