package io.jixiao.report;

import io.jixiao.security.Role;
import java.util.List;

/**
 * Where a package is in its lifecycle (DOMAIN §6). The first five are the BPMN user task ids; PUBLISHED is
 * its end event. The report module owns the type because a stage is a fact about the package; the
 * workflow module moves packages between stages.
 */
public enum Stage {
  /** 填报 */
  DRAFT(Role.PREPARER),
  /** 单位负责人签字 */
  UNIT_SIGN(Role.UNIT_HEAD),
  /** 主管部门审核指导 */
  BUREAU_GUIDANCE(Role.BUREAU_REVIEWER),
  /** 财政复核 */
  FINANCE_REVIEW(Role.FINANCE_REVIEWER),
  /** 公开 */
  DISCLOSURE(Role.ADMIN),
  /** 已公开 */
  PUBLISHED(null);

  private final Role actor;

  Stage(Role actor) {
    this.actor = actor;
  }

  /** The role whose task this stage is; null once published. */
  public Role actor() {
    return actor;
  }

  /** The candidate group of this stage's task for a unit, as the BPMN names it. */
  public String candidateGroup(String unitCode) {
    return actor == Role.ADMIN ? actor.realmRole() : actor.realmRole() + ":" + unitCode;
  }

  /**
   * Where a return from this stage may send the package, the default first. The BPMN's RETURN flows
   * lead exactly there (a test checks), and the pages offer exactly these.
   */
  public List<Stage> returnTargets() {
    return switch (this) {
      case UNIT_SIGN, BUREAU_GUIDANCE -> List.of(DRAFT);
      case FINANCE_REVIEW -> List.of(DRAFT, BUREAU_GUIDANCE);
      case DISCLOSURE -> List.of(FINANCE_REVIEW);
      case DRAFT, PUBLISHED -> List.of();
    };
  }
}
