package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.shared.DomainException;

/** The caller's role in this unit does not allow the action at the package's stage. */
public class StageForbids extends DomainException {

  StageForbids(String detail) {
    super(Kind.FORBIDDEN, "forbidden", detail);
  }

  StageForbids(Stage stage, Action action) {
    this("您的角色不能在" + stage + "阶段执行 " + action);
  }
}
