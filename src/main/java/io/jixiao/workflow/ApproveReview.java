package io.jixiao.workflow;

import io.jixiao.report.Stage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 财政复核通过: finance approves the signed version with its review scores; that exact version is what gets published. */
@Component
class ApproveReview implements StageApproval {

  private final SignatureCheck signature;
  private final Signatures signatures;
  private final ApplicationEventPublisher events;

  ApproveReview(SignatureCheck signature, Signatures signatures, ApplicationEventPublisher events) {
    this.signature = signature;
    this.signatures = signatures;
    this.events = events;
  }

  @Override
  public Stage stage() {
    return Stage.FINANCE_REVIEW;
  }

  @Override
  public void approve(Context context) {
    var latest = context.latest();
    signature.requireCovers(latest.report().id(), context.unitHash());
    int version = latest.version().version();
    String hash = latest.version().contentHash();
    signatures.approve(latest.report().id(), version, hash, context.actor());
    events.publishEvent(new LifecycleEvents.Approved(latest.report().id(), version, hash, context.actor()));
  }
}
