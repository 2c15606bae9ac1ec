package io.jixiao.workflow;

import io.jixiao.shared.DomainException;

/** The task is someone else's, or nobody's and the caller has not claimed it. */
public class NotHolder extends DomainException {

  private NotHolder(String type, String detail) {
    super(Kind.CONFLICT, type, detail);
  }

  static NotHolder claimFirst() {
    return new NotHolder("claim-first", "请先领取该任务再办理");
  }

  static NotHolder heldBy(String assignee) {
    return new NotHolder("held-by-other", "该任务由 " + assignee + " 持有");
  }

  static NotHolder alreadyClaimed(String assignee) {
    return new NotHolder("already-claimed", "该任务已被 " + assignee + " 领取");
  }
}
