package io.jixiao.ui;

import io.jixiao.form.CostLine;
import io.jixiao.form.Evaluation;
import io.jixiao.form.FundsLine;
import io.jixiao.form.ReportContent;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.workflow.Action;
import io.jixiao.workflow.Guidance;
import io.jixiao.workflow.LifecycleQueries;
import io.jixiao.workflow.Permissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the package page shows beside the content: stage, what the viewer may do, comments, findings. */
@Component
class ReportPageModel {

  static final List<FundsLine> OVERALL_FUNDS = List.of(FundsLine.TOTAL, FundsLine.GENERAL_BUDGET,
      FundsLine.GOVERNMENT_FUND, FundsLine.SPECIAL_ACCOUNT, FundsLine.OTHER_FUNDS, FundsLine.BASIC,
      FundsLine.PERSONNEL, FundsLine.OPERATING, FundsLine.OTHER_OPERATING, FundsLine.PROJECT);
  static final List<FundsLine> PROJECT_FUNDS = List.of(FundsLine.TOTAL, FundsLine.CURRENT_YEAR,
      FundsLine.CARRIED_OVER, FundsLine.OTHER_FUNDS);
  static final List<CostLine> COST_LINES = List.of(CostLine.BASIC, CostLine.PUBLIC_FUNDS, CostLine.OFFICE,
      CostLine.UTILITIES_TRAVEL, CostLine.MEETINGS_TRAINING, CostLine.THREE_PUBLIC, CostLine.OFFICIAL_VEHICLES,
      CostLine.OVERSEAS_TRAVEL, CostLine.OFFICIAL_RECEPTION, CostLine.PROJECT, CostLine.PROCUREMENT);

  private final ReportService reports;
  private final LifecycleQueries lifecycle;
  private final Guidance guidance;
  private final CurrentUser user;

  ReportPageModel(ReportService reports, LifecycleQueries lifecycle, Guidance guidance, CurrentUser user) {
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.guidance = guidance;
    this.user = user;
  }

  /** Fills the model of the package page for {@code content} as of {@code version} (saved or as typed). */
  void fill(Model model, Report report, ReportContent content, Evaluation evaluation, int version) {
    if (!model.containsAttribute("unsaved")) {
      model.addAttribute("unsaved", false);
    }
    // The version the editor's rows come from, and (unsaved) which stored row each came from.
    if (!model.containsAttribute("base")) {
      model.addAttribute("base", version);
    }
    if (!model.containsAttribute("origins")) {
      model.addAttribute("origins", null);
    }
    // One read of where the package stands; its stage is the one the page shows.
    var state = lifecycle.state(report, content);
    Stage stage = state.stage();
    Set<io.jixiao.security.Role> roles = user.rolesIn(report.unitCode());
    Map<String, Boolean> can = new LinkedHashMap<>();
    for (Action action : Action.values()) {
      can.put(action.name(), Permissions.allows(roles, stage, action));
    }
    List<Guidance.Comment> comments = guidance.list(report.id());
    var blockers = evaluation.blockers(content.acknowledgedKeys());
    model.addAttribute("report", report);
    model.addAttribute("stage", stage);
    model.addAttribute("version", version);
    model.addAttribute("content", content);
    model.addAttribute("evaluation", evaluation);
    model.addAttribute("template", reports.template(report));
    model.addAttribute("state", state);
    model.addAttribute("can", can);
    model.addAttribute("editable", can.get(Action.EDIT.name()));
    model.addAttribute("reviewable", can.get(Action.SCORE.name()));
    model.addAttribute("comments", comments);
    model.addAttribute("canCorrect", Permissions.mayOpen(roles));
    model.addAttribute("commentsByPath", comments.stream().filter(c -> c.path() != null)
        .collect(Collectors.groupingBy(Guidance.Comment::path)));
    model.addAttribute("acknowledged", content.acknowledgedKeys());
    model.addAttribute("errors", blockers.errors());
    model.addAttribute("unacknowledged", blockers.unacknowledged());
    model.addAttribute("overallFunds", OVERALL_FUNDS);
    model.addAttribute("projectFunds", PROJECT_FUNDS);
    model.addAttribute("costLines", COST_LINES);
  }
}
