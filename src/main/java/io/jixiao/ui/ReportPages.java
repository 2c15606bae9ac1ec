package io.jixiao.ui;

import io.jixiao.audit.AuditTrail;
import io.jixiao.form.Evaluation;
import io.jixiao.form.FundsLine;
import io.jixiao.form.CostLine;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Severity;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.ReportSnapshot;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.unit.UnitRepository;
import io.jixiao.workflow.Action;
import io.jixiao.workflow.Guidance;
import io.jixiao.workflow.Lifecycle;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.Permissions;
import io.jixiao.workflow.ProcessDiagram;
import io.jixiao.workflow.Stage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report package pages: the editor for the preparer in DRAFT, and the read-only views with
 * each reviewer's action (sign, comment, score, approve, return, publish).
 */
@Controller
class ReportPages {

  static final List<FundsLine> OVERALL_FUNDS = List.of(FundsLine.TOTAL, FundsLine.GENERAL_BUDGET,
      FundsLine.GOVERNMENT_FUND, FundsLine.SPECIAL_ACCOUNT, FundsLine.OTHER_FUNDS, FundsLine.BASIC,
      FundsLine.PERSONNEL, FundsLine.OPERATING, FundsLine.OTHER_OPERATING, FundsLine.PROJECT);
  static final List<FundsLine> PROJECT_FUNDS = List.of(FundsLine.TOTAL, FundsLine.CURRENT_YEAR,
      FundsLine.CARRIED_OVER, FundsLine.OTHER_FUNDS);
  static final List<CostLine> COST_LINES = List.of(CostLine.BASIC, CostLine.PUBLIC_FUNDS, CostLine.OFFICE,
      CostLine.UTILITIES_TRAVEL, CostLine.MEETINGS_TRAINING, CostLine.THREE_PUBLIC, CostLine.OFFICIAL_VEHICLES,
      CostLine.OVERSEAS_TRAVEL, CostLine.OFFICIAL_RECEPTION, CostLine.PROJECT, CostLine.PROCUREMENT);

  private final ReportService reports;
  private final Lifecycle lifecycle;
  private final Guidance guidance;
  private final OpenTasks openTasks;
  private final AuditTrail trail;
  private final ProcessDiagram diagram;
  private final UnitRepository units;
  private final CurrentUser user;
  private final JsonMapper json;
  private final Validator validator;

  ReportPages(ReportService reports, Lifecycle lifecycle, Guidance guidance, OpenTasks openTasks, AuditTrail trail,
      ProcessDiagram diagram, UnitRepository units, CurrentUser user, JsonMapper json, Validator validator) {
    this.reports = reports;
    this.lifecycle = lifecycle;
    this.guidance = guidance;
    this.openTasks = openTasks;
    this.trail = trail;
    this.diagram = diagram;
    this.units = units;
    this.user = user;
    this.json = json;
    this.validator = validator;
  }

  @GetMapping("/reports")
  String list(Model model) {
    model.addAttribute("reports", reports.list(null, null).stream()
        .map(r -> Map.entry(r, reports.stageOf(r))).toList());
    model.addAttribute("units", units.findAll(user.unitScope()));
    model.addAttribute("canCreate", user.has(Role.PREPARER) || user.has(Role.ADMIN));
    model.addAttribute("defaultYear", java.time.Year.now().getValue() - 1);
    return "reports";
  }

  @PostMapping("/reports")
  String create(@RequestParam String unitCode, @RequestParam int year, RedirectAttributes redirect) {
    try {
      Report report = reports.create(unitCode, year);
      return "redirect:/reports/" + report.id();
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
      return "redirect:/reports";
    }
  }

  @GetMapping("/reports/{id}")
  String show(@PathVariable UUID id, Model model) {
    ReportSnapshot snapshot = reports.snapshot(id);
    page(model, snapshot.report(), snapshot.content(), snapshot.evaluation(), snapshot.version().version());
    return "report";
  }

  /**
   * The editor's one form: {@code op} is {@code save}, or a row operation ({@code add:overall.indicators},
   * {@code remove:overall.indicators[2]}, {@code up:…}, {@code down:…}) that re-renders unsaved.
   */
  @PostMapping("/reports/{id}/edit")
  String edit(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "save") String op,
      HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Report report = reports.find(id);
    ObjectNode tree = FormContent.tree(request.getParameterMap());
    if (!op.equals("save")) {
      RowOperations.apply(tree, op);
    }
    ReportContent content;
    try {
      content = FormContent.read(json, tree);
    } catch (JacksonException e) {
      model.addAttribute("formError", e.getOriginalMessage());
      ReportSnapshot latest = reports.snapshot(id);
      page(model, report, latest.content(), latest.evaluation(), version);
      return "report";
    }
    Set<ConstraintViolation<ReportContent>> violations = validator.validate(content);
    if (!op.equals("save") || !violations.isEmpty()) {
      model.addAttribute("unsaved", true);
      model.addAttribute("violations", violations.stream()
          .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
      page(model, report, content, reports.preview(id, content), version);
      return "report";
    }
    try {
      Report saved = reports.save(id, version, content);
      redirect.addFlashAttribute("notice", "saved");
      redirect.addFlashAttribute("noticeArg", saved.latestVersion());
      return "redirect:/reports/" + id;
    } catch (ErrorResponseException e) {
      if (e.getStatusCode().value() == 412) {
        // Someone saved first: keep what this user typed, and show the newer version beside it.
        ReportSnapshot latest = reports.snapshot(id);
        model.addAttribute("conflict", latest);
        model.addAttribute("conflictEvaluation", latest.evaluation());
        model.addAttribute("unsaved", true);
        page(model, report, content, reports.preview(id, content), latest.version().version());
        model.addAttribute("yourVersion", version);
        return "report";
      }
      redirect.addFlashAttribute("error", e.getBody().getDetail());
      return "redirect:/reports/" + id;
    }
  }

  /** Live totals, suggested scores and findings for what is in the form, unsaved. */
  @PostMapping("/reports/{id}/preview")
  String preview(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Report report = reports.find(id);
    try {
      ReportContent content = FormContent.read(json, FormContent.tree(request.getParameterMap()));
      model.addAttribute("unsaved", true);
      page(model, report, content, reports.preview(id, content), report.latestVersion());
      model.addAttribute("oob", true);
    } catch (JacksonException e) {
      // A number or date the form cannot hold: the message, beside the totals of what is saved.
      model.addAttribute("formError", e.getOriginalMessage());
      ReportSnapshot saved = reports.snapshot(id);
      page(model, report, saved.content(), saved.evaluation(), report.latestVersion());
    }
    return "fragments/report-parts :: live";
  }

  /** A lifecycle step from the page: the task is claimed for the caller if nobody holds it. */
  @PostMapping("/reports/{id}/act")
  String act(@PathVariable UUID id, @RequestParam Outcome outcome,
      @RequestParam(required = false) String comment, @RequestParam(required = false) Stage returnTo,
      RedirectAttributes redirect) {
    Report report = reports.find(id);
    try {
      OpenTask task = currentTask(report);
      if (task.assignee() == null) {
        lifecycle.claim(task.id());
      }
      var transition = lifecycle.complete(task.id(), outcome, comment, returnTo);
      redirect.addFlashAttribute("notice", "moved");
      redirect.addFlashAttribute("noticeArg", transition.to().name());
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
      if (e.getBody().getProperties() != null && e.getBody().getProperties().get("errors") instanceof List<?> errors) {
        redirect.addFlashAttribute("blocking", errors);
      }
    }
    return "redirect:/reports/" + id;
  }

  /** 更正 of a published package: it goes through the lifecycle again. */
  @PostMapping("/reports/{id}/correct")
  String correct(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    try {
      lifecycle.startCorrection(id, reason);
      redirect.addFlashAttribute("notice", "moved");
      redirect.addFlashAttribute("noticeArg", Stage.DRAFT.name());
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
    }
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/comments")
  String comment(@PathVariable UUID id, @RequestParam(required = false) String path, @RequestParam String body,
      RedirectAttributes redirect) {
    try {
      if (body.isBlank()) {
        throw io.jixiao.web.Problems.badRequest("意见不能为空");
      }
      guidance.add(id, path, body.trim());
      redirect.addFlashAttribute("notice", "commented");
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
    }
    return "redirect:/reports/" + id + "#comments";
  }

  @PostMapping("/reports/{id}/comments/{commentId}/resolve")
  String resolve(@PathVariable UUID id, @PathVariable long commentId, RedirectAttributes redirect) {
    try {
      guidance.resolve(id, commentId);
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
    }
    return "redirect:/reports/" + id + "#comments";
  }

  /** 复核得分 from the finance view: fields {@code review.<row path>}. */
  @PostMapping("/reports/{id}/review-scores")
  String reviewScores(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    try {
      request.getParameterMap().forEach((name, values) -> {
        if (name.startsWith("review.") && values.length > 0 && !values[0].isBlank()) {
          // Bounded before parsing: a form field may hold two megabytes of digits or 1e-99999999.
          scores.put(name.substring("review.".length()), io.jixiao.form.Limits.parse(values[0]).orElseThrow(() ->
              io.jixiao.web.Problems.badRequest(name.substring(7) + ": " + io.jixiao.form.Limits.decimalRule())));
        }
      });
      Report report = reports.find(id);
      OpenTask task = currentTask(report);
      if (task.assignee() == null) {
        lifecycle.claim(task.id());
      }
      lifecycle.enterReviewScores(id, scores);
      redirect.addFlashAttribute("notice", "scored");
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute("error", e.getBody().getDetail());
    }
    return "redirect:/reports/" + id;
  }

  @GetMapping("/reports/{id}/history")
  String history(@PathVariable UUID id, Model model) {
    Report report = reports.find(id);
    Stage stage = lifecycle.stageOf(report);
    model.addAttribute("report", report);
    model.addAttribute("stage", stage);
    model.addAttribute("events", trail.history(id));
    model.addAttribute("diagram", diagram.svg(stage));
    return "history";
  }

  private OpenTask currentTask(Report report) {
    return openTasks.forReport(report.id())
        .orElseThrow(() -> io.jixiao.web.Problems.conflict("no-task", "该报告当前没有待办任务"));
  }

  private void page(Model model, Report report, ReportContent content, Evaluation evaluation, int version) {
    if (!model.containsAttribute("unsaved")) {
      model.addAttribute("unsaved", false);
    }
    Stage stage = lifecycle.stageOf(report);
    Map<String, Boolean> can = new LinkedHashMap<>();
    for (Action action : Action.values()) {
      can.put(action.name(), Permissions.allows(user.roles(), stage, action));
    }
    var state = lifecycle.state(report, content);
    List<Guidance.Comment> comments = guidance.list(report.id());
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
    model.addAttribute("canCorrect", user.has(Role.PREPARER) || user.has(Role.ADMIN));
    model.addAttribute("commentsByPath", comments.stream().filter(c -> c.path() != null)
        .collect(Collectors.groupingBy(Guidance.Comment::path)));
    model.addAttribute("acknowledged", keys(content));
    model.addAttribute("errors", evaluation.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
    model.addAttribute("unacknowledged", evaluation.findings().stream()
        .filter(f -> f.severity() == Severity.WARNING && !keys(content).contains(f.key())).toList());
    model.addAttribute("overallFunds", OVERALL_FUNDS);
    model.addAttribute("projectFunds", PROJECT_FUNDS);
    model.addAttribute("costLines", COST_LINES);
  }

  private static Set<String> keys(ReportContent content) {
    return content.acknowledgements().stream().map(a -> a.findingKey()).collect(Collectors.toSet());
  }
}
