package io.jixiao.ui;

import io.jixiao.form.ReportContent;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.ReportSnapshot;
import io.jixiao.report.StaleVersion;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.DomainException;
import io.jixiao.unit.UnitRepository;
import io.jixiao.workflow.Permissions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import io.jixiao.web.Problems;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The package list, the package page, and the preparer's editor with its live preview. */
@Controller
class ReportPages {

  private final ReportService reports;
  private final ReportPageModel pageModel;
  private final UnitRepository units;
  private final CurrentUser user;
  private final JsonMapper json;
  private final Validator validator;

  ReportPages(ReportService reports, ReportPageModel pageModel, UnitRepository units, CurrentUser user, JsonMapper json,
      Validator validator) {
    this.reports = reports;
    this.pageModel = pageModel;
    this.units = units;
    this.user = user;
    this.json = json;
    this.validator = validator;
  }

  @GetMapping("/reports")
  String list(Model model) {
    model.addAttribute("reports", new ArrayList<>(reports.listWithStages(null, null).entrySet()));
    model.addAttribute("units", units.findAll(user.unitScope()));
    model.addAttribute("canCreate", Permissions.mayOpen(user.roles()));
    model.addAttribute("defaultYear", java.time.Year.now().getValue() - 1);
    return "reports";
  }

  @PostMapping("/reports")
  String create(@RequestParam String unitCode, @RequestParam int year, RedirectAttributes redirect) {
    try {
      Report report = reports.create(unitCode, year);
      return "redirect:/reports/" + report.id();
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/reports";
    }
  }

  @GetMapping("/reports/{id}")
  String show(@PathVariable UUID id, Model model) {
    ReportSnapshot snapshot = reports.snapshot(id);
    pageModel.fill(model, snapshot.report(), snapshot.content(), snapshot.evaluation(), snapshot.version().version());
    return "report";
  }

  /**
   * The editor's one form: {@code op} is {@code save}, or a row operation ({@code add:overall.indicators},
   * {@code remove:overall.indicators[2]}, {@code up:…}, {@code down:…}) that re-renders unsaved. The form
   * is laid over the version it was rendered from ({@code base}; {@code version} is the one the
   * preparer last saw, for the stale check), so nothing the page does not show is lost.
   */
  @PostMapping("/reports/{id}/edit")
  String edit(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) Integer base,
      @RequestParam(defaultValue = "save") String op, HttpServletRequest request, Model model,
      RedirectAttributes redirect) {
    Report report = reports.find(id);
    int baseVersion = baseVersion(report, base == null ? version : base);
    ObjectNode tree = FormContent.tree(request.getParameterMap());
    if (!op.equals("save")) {
      RowOperations.apply(tree, op);
    }
    FormMerge.Merged merged = merge(id, baseVersion, tree, request);
    ReportContent content;
    try {
      content = FormContent.read(json, merged.content());
    } catch (JacksonException e) {
      model.addAttribute("formError", e.getOriginalMessage());
      ReportSnapshot latest = reports.snapshot(id);
      pageModel.fill(model, report, latest.content(), latest.evaluation(), latest.version().version());
      return "report";
    }
    if (op.equals("save")) {
      // Narrative figures (issue 12): a section whose text changed has its figures extracted again.
      content = io.jixiao.form.NarrativeFigures.refresh(reports.content(id, baseVersion), content, report.year());
    }
    model.addAttribute("base", baseVersion);
    model.addAttribute("origins", merged.origins());
    Set<ConstraintViolation<ReportContent>> violations = validator.validate(content);
    if (!op.equals("save") || !violations.isEmpty()) {
      model.addAttribute("unsaved", true);
      model.addAttribute("violations", violations.stream()
          .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
      pageModel.fill(model, report, content, reports.preview(id, content), version);
      return "report";
    }
    try {
      Report saved = reports.save(id, version, content);
      redirect.addFlashAttribute("notice", "saved");
      redirect.addFlashAttribute("noticeArg", saved.latestVersion());
      return "redirect:/reports/" + id;
    } catch (StaleVersion e) {
      // Someone saved first: keep what this user typed, and show the newer version beside it. The
      // next save is checked against the newer version, still laid over the one this form came from.
      ReportSnapshot latest = reports.snapshot(id);
      model.addAttribute("conflict", latest);
      model.addAttribute("conflictEvaluation", latest.evaluation());
      model.addAttribute("unsaved", true);
      pageModel.fill(model, report, content, reports.preview(id, content), latest.version().version());
      model.addAttribute("yourVersion", version);
      return "report";
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/reports/" + id;
    }
  }

  /** Live totals, suggested scores and findings for what is in the form, unsaved. */
  @PostMapping("/reports/{id}/preview")
  String preview(@PathVariable UUID id, @RequestParam(required = false) Integer version,
      @RequestParam(required = false) Integer base, HttpServletRequest request, Model model) {
    Report report = reports.find(id);
    int baseVersion = baseVersion(report, base != null ? base : version != null ? version : report.latestVersion());
    try {
      FormMerge.Merged merged = merge(id, baseVersion, FormContent.tree(request.getParameterMap()), request);
      ReportContent content = FormContent.read(json, merged.content());
      model.addAttribute("unsaved", true);
      pageModel.fill(model, report, content, reports.preview(id, content), report.latestVersion());
      model.addAttribute("oob", true);
    } catch (JacksonException e) {
      // A number or date the form cannot hold: the message, beside the totals of what is saved.
      model.addAttribute("formError", e.getOriginalMessage());
      ReportSnapshot saved = reports.snapshot(id);
      pageModel.fill(model, report, saved.content(), saved.evaluation(), report.latestVersion());
    }
    return "fragments/report-parts :: live";
  }

  private FormMerge.Merged merge(UUID id, int baseVersion, ObjectNode tree, HttpServletRequest request) {
    // Money typed in 万元 becomes 元 before anything compares or stores it.
    MoneyUnit.parse(request.getParameter(MoneyUnit.FORM_FIELD), MoneyUnit.YUAN).toYuan(tree);
    JsonNode stored = json.valueToTree(reports.content(id, baseVersion));
    return FormMerge.over(stored, tree, request.getParameterValues(FormContent.ACKNOWLEDGEMENTS_SHOWN));
  }

  /** The version a form was rendered from: one of the package's own. */
  private static int baseVersion(Report report, int base) {
    if (base < 1 || base > report.latestVersion()) {
      throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-form", "表单无效 Invalid form",
          "表单字段 base 无效：不是本报告的版本", Map.of("field", "base"));
    }
    return base;
  }
}
