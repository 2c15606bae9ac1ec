package io.jixiao.workflow;

import io.jixiao.report.Stage;
import org.springframework.stereotype.Component;

/** 主管部门审核通过: the bureau passes a signed package on to finance. */
@Component
class PassGuidance implements StageApproval {

  private final SignatureCheck signature;

  PassGuidance(SignatureCheck signature) {
    this.signature = signature;
  }

  @Override
  public Stage stage() {
    return Stage.BUREAU_GUIDANCE;
  }

  @Override
  public void approve(Context context) {
    signature.requireCovers(context.latest().report().id(), context.unitHash());
  }
}
