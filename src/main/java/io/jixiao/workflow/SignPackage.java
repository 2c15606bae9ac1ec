package io.jixiao.workflow;

import io.jixiao.cycle.CycleRepository;
import io.jixiao.report.Stage;
import io.jixiao.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 单位负责人签字: the head signs the exact content of the version they read. Separation of duties: the
 * person who submitted a version never signs it, and unless the cycle allows the head to prepare, nor
 * does the person who wrote it.
 */
@Component
class SignPackage implements StageApproval {

  private final Signatures signatures;
  private final LifecycleEngine engine;
  private final CycleRepository cycles;
  private final ApplicationEventPublisher events;

  SignPackage(Signatures signatures, LifecycleEngine engine, CycleRepository cycles, ApplicationEventPublisher events) {
    this.signatures = signatures;
    this.engine = engine;
    this.cycles = cycles;
    this.events = events;
  }

  @Override
  public Stage stage() {
    return Stage.UNIT_SIGN;
  }

  @Override
  public void approve(Context context) {
    var latest = context.latest();
    String signer = context.actor();
    if (engine.lastHolder(context.processInstanceId(), Stage.DRAFT).filter(signer::equals).isPresent()) {
      throw new SeparationOfDuties("提交该版本的人不能同时为其签字（职责分离）");
    }
    boolean headMayPrepare = cycles.find(context.held().report().cycleId()).map(c -> c.headMayPrepare()).orElse(false);
    if (!headMayPrepare && signer.equals(latest.version().createdBy())) {
      throw new SeparationOfDuties("该版本由您本人填写，本评价周期不允许单位负责人为自己填写的内容签字（职责分离）");
    }
    int version = latest.version().version();
    signatures.sign(latest.report().id(), version, context.unitHash(), signer);
    events.publishEvent(new LifecycleEvents.Signed(latest.report().id(), version, context.unitHash(), signer));
  }

  /** 职责分离: one person may not both prepare (or submit) and sign the same content. */
  static class SeparationOfDuties extends DomainException {
    SeparationOfDuties(String detail) {
      super(Kind.FORBIDDEN, "separation-of-duties", detail);
    }
  }
}
