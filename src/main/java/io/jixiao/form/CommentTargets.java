package io.jixiao.form;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reviewer's comment may point at in one version: the package's tables, sections and rows,
 * named as finding paths are ({@link Paths}), or a field inside one of them.
 */
public final class CommentTargets {

  private CommentTargets() {}

  /** True if {@code path} names a table, section or row of {@code content}, or a field of one. */
  public static boolean exists(ReportContent content, String path) {
    Set<String> targets = of(content);
    if (targets.contains(path)) {
      return true;
    }
    int dot = path.lastIndexOf('.');
    // overall.indicators[2].deviationReason → overall.indicators[2]
    return dot > 0 && targets.contains(path.substring(0, dot)) && path.substring(dot + 1).matches("[A-Za-z]{1,40}");
  }

  static Set<String> of(ReportContent content) {
    Set<String> targets = new LinkedHashSet<>();
    if (content.overall() != null) {
      table(targets, Paths.OVERALL, content.overall());
    }
    if (content.basicData() != null) {
      targets.add(Paths.BASIC_DATA);
      var costs = content.basicData().costs();
      for (int i = 0; costs != null && i < costs.size(); i++) {
        targets.add(Paths.costRow(costs, i));
      }
      var buildings = content.basicData().buildings();
      for (int i = 0; buildings != null && i < buildings.size(); i++) {
        targets.add(Paths.BASIC_DATA + ".buildings[" + i + "]");
      }
    }
    for (int i = 0; i < content.narrative().size(); i++) {
      targets.add(Paths.narrative(content.narrative().get(i), i));
    }
    for (int i = 0; i < content.projects().size(); i++) {
      Project project = content.projects().get(i);
      String name = Paths.project(project, i);
      targets.add(name);
      targets.add(name + ".report");
      if (project.table() != null) {
        table(targets, name + ".table", project.table());
      }
    }
    return targets;
  }

  private static void table(Set<String> targets, String name, SelfEvaluationTable table) {
    targets.add(name);
    List<FundsRow> funds = table.funds();
    for (int i = 0; funds != null && i < funds.size(); i++) {
      targets.add(Paths.fundsRow(name, funds, i));
    }
    for (int i = 0; table.goals() != null && i < table.goals().size(); i++) {
      targets.add(name + ".goals[" + i + "]");
    }
    for (int i = 0; table.indicators() != null && i < table.indicators().size(); i++) {
      targets.add(Paths.indicator(name, i));
    }
  }
}
