package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.shared.Conflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 公开: an administrator publishes the version finance approved — the same version, byte for byte. */
@Component
class PublishPackage implements StageApproval {

  private final Signatures signatures;
  private final ApplicationEventPublisher events;

  PublishPackage(Signatures signatures, ApplicationEventPublisher events) {
    this.signatures = signatures;
    this.events = events;
  }

  @Override
  public Stage stage() {
    return Stage.DISCLOSURE;
  }

  @Override
  public void approve(Context context) {
    var latest = context.latest();
    Approval approval = signatures.latestApproval(latest.report().id())
        .orElseThrow(() -> new Conflict("not-approved", "财政尚未复核通过，不能公开"));
    if (!approval.covers(latest.version().version(), latest.version().contentHash())) {
      throw new Conflict("not-approved-version", "当前版本不是财政复核通过的版本，不能公开");
    }
    signatures.publish(latest.report().id(), approval, context.actor());
    events.publishEvent(new LifecycleEvents.Published(latest.report().id(), approval.version(),
        approval.contentHash(), context.actor()));
  }
}
