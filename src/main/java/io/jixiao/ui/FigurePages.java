package io.jixiao.ui;

import io.jixiao.form.FigureMatcher;
import io.jixiao.form.FigureSource;
import io.jixiao.form.NarrativeFigures;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.ReportContent;
import io.jixiao.form.StatedFigure;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.StaleVersion;
import io.jixiao.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The preparer's decision on a figure extracted from a narrative section: confirm its link, re-link
 * it to another cell (one of the candidates, or none), or dismiss it. One decision is one saved
 * version, made on the version the page showed ({@code version}); a stale one is 409. The editor's
 * buttons post here (htmx, or the form's {@code formaction} without script); either way the
 * browser goes back to the package page.
 */
@Controller
class FigurePages {

  /** {@code DISMISSED:basic:3}: the decision, the section key, the figure's index. */
  private static final Pattern DECISION = Pattern.compile("^(CONFIRMED|RELINKED|DISMISSED):([^:]{1,60}):(\\d{1,3})$");

  private final ReportService reports;

  FigurePages(ReportService reports) {
    this.reports = reports;
  }

  /** Without script: the browser is sent back to the package page. */
  @PostMapping("/reports/{id}/figures")
  String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam("figureDecision") String decision,
      HttpServletRequest request, RedirectAttributes redirect) {
    Report saved = apply(id, version, decision, request);
    redirect.addFlashAttribute("notice", "saved");
    redirect.addFlashAttribute("noticeArg", saved.latestVersion());
    return "redirect:" + target(id, saved, decision);
  }

  /**
   * From htmx: 204 with {@code HX-Redirect}, so htmx loads the package page (a 302 would be followed
   * inside the request and the page swapped into the button).
   */
  @PostMapping(path = "/reports/{id}/figures", headers = "HX-Request")
  ResponseEntity<Void> decideHtmx(@PathVariable UUID id, @RequestParam int version,
      @RequestParam("figureDecision") String decision, HttpServletRequest request) {
    Report saved = apply(id, version, decision, request);
    return ResponseEntity.noContent().header("HX-Redirect", request.getContextPath() + target(id, saved, decision))
        .build();
  }

  /**
   * The package page at the section: the new version in the query makes it another address, so the
   * browser loads it (the same address with only another fragment would just scroll).
   */
  private static String target(UUID id, Report saved, String decision) {
    return "/reports/" + id + "?v=" + saved.latestVersion() + "#"
        + new Ids().field("narrative[" + decision.split(":")[1] + "]");
  }

  private Report apply(UUID id, int version, String decision, HttpServletRequest request) {
    Matcher m = DECISION.matcher(decision);
    if (!m.matches()) {
      throw invalid("figureDecision", "应为 CONFIRMED|RELINKED|DISMISSED:分节:序号");
    }
    Report report = reports.find(id);
    if (version < 1 || version > report.latestVersion()) {
      throw invalid("version", "不是本报告的版本");
    }
    ReportContent content = reports.content(id, version);
    String key = m.group(2);
    int index = Integer.parseInt(m.group(3));
    NarrativeSection section = content.narrative().stream().filter(s -> key.equals(s.key())).findFirst().orElse(null);
    if (section == null || index >= section.figures().size()) {
      throw Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到 Not found",
          "第 " + version + " 版的「" + key + "」没有第 " + (index + 1) + " 个数字", Map.of("field", "figureDecision"));
    }
    if (!section.figures().get(index).sourceOrManual().extracted()) {
      throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-form", "表单无效 Invalid form",
          "手工录入的数字不经确认、改关联或忽略", Map.of("field", "figureDecision"));
    }
    FigureSource source = FigureSource.valueOf(m.group(1));
    String path = null;
    if (source == FigureSource.RELINKED) {
      StatedFigure figure = section.figures().get(index);
      path = request.getParameter("relink." + key + "." + index);
      String wanted = path == null ? "" : path.strip();
      if (!wanted.isEmpty()
          && FigureMatcher.candidates(content, figure.kind()).stream().noneMatch(c -> c.path().equals(wanted))) {
        throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-form", "表单无效 Invalid form",
            "「" + wanted + "」不是可关联的表格单元格", Map.of("field", "relink." + key + "." + index));
      }
      path = wanted;
    }
    ReportContent decided = NarrativeFigures.decide(content, key, index, source, path);
    try {
      return reports.save(id, version, decided);
    } catch (StaleVersion e) {
      throw Problems.problem(HttpStatus.CONFLICT, "stale-version", "版本已过期 Stale version",
          "第 " + version + " 版已不是最新版本，请刷新后再确认", Map.of("field", "version"));
    }
  }

  private static RuntimeException invalid(String field, String detail) {
    return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-form", "表单无效 Invalid form",
        "表单字段 " + field + " 无效：" + detail, Map.of("field", field));
  }
}
