package io.jixiao.workflow;

import io.jixiao.report.Stage;
import org.springframework.stereotype.Component;

/** 提交: the preparer sends the draft to the unit head — only without errors and with every warning acknowledged. */
@Component
class SubmitPackage implements StageApproval {

  @Override
  public Stage stage() {
    return Stage.DRAFT;
  }

  @Override
  public void approve(Context context) {
    var latest = context.latest();
    var blockers = latest.evaluation().blockers(latest.content().acknowledgedKeys());
    if (!blockers.none()) {
      throw new SubmissionBlocked(blockers.errors(), blockers.unacknowledged());
    }
  }
}
