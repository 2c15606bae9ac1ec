package io.jixiao.workflow;

import io.jixiao.report.Stage;
import io.jixiao.shared.InvalidInput;
import java.util.List;
import java.util.stream.Collectors;

/** 退回: a return always gives its reason, and goes where {@link Stage#returnTargets()} allows (the first by default). */
final class ReturnRules {

  private ReturnRules() {}

  static Stage target(Stage stage, Stage requested, String reason) {
    if (reason == null) {
      throw new InvalidInput("退回必须填写原因 (a return needs a reason)");
    }
    List<Stage> targets = stage.returnTargets();
    if (requested == null) {
      return targets.get(0);
    }
    if (!targets.contains(requested)) {
      throw new InvalidInput("从 " + stage + " 只能退回到 "
          + targets.stream().map(Stage::name).collect(Collectors.joining(" 或 ")));
    }
    return requested;
  }
}
