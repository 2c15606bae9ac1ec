package io.jixiao.ui;

import io.jixiao.form.Limits;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.shared.DomainException;
import io.jixiao.shared.InvalidInput;
import io.jixiao.workflow.CompleteTask;
import io.jixiao.workflow.EnterReviewScores;
import io.jixiao.workflow.Guidance;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.StartLifecycle;
import io.jixiao.workflow.SubmissionBlocked;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps taken from the package page — submit, sign, pass, approve, publish, return, comment,
 * resolve, score, correct — through the same use cases as the API. A free task is claimed in the
 * step's own transaction, so a refused step leaves nothing behind (no claim, no audit entry).
 */
@Controller
class StepPages {

  private static final String REVIEW_FIELD = "review.";

  private final ReportService reports;
  private final OpenTasks openTasks;
  private final CompleteTask completion;
  private final EnterReviewScores reviewScores;
  private final Guidance guidance;
  private final StartLifecycle lifecycle;

  StepPages(ReportService reports, OpenTasks openTasks, CompleteTask completion, EnterReviewScores reviewScores,
      Guidance guidance, StartLifecycle lifecycle) {
    this.reports = reports;
    this.openTasks = openTasks;
    this.completion = completion;
    this.reviewScores = reviewScores;
    this.guidance = guidance;
    this.lifecycle = lifecycle;
  }

  /** @param version the version the page showed: acting on a newer one the user has not read is refused */
  @PostMapping("/reports/{id}/act")
  String act(@PathVariable UUID id, @RequestParam Outcome outcome, @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String comment, @RequestParam(required = false) Stage returnTo,
      RedirectAttributes redirect) {
    return refusalsAsMessages(id, "", redirect, () -> {
      Report report = reports.find(id);
      String taskId = openTasks.forReport(report.id())
          .orElseThrow(() -> new io.jixiao.shared.Conflict("no-task", "该报告当前没有待办任务")).id();
      var transition = completion.complete(new CompleteTask.Step(taskId, outcome, comment, returnTo, version, true));
      redirect.addFlashAttribute("notice", "moved");
      redirect.addFlashAttribute("noticeArg", transition.to().name());
    });
  }

  /** 更正 of a published package: it goes through the lifecycle again. */
  @PostMapping("/reports/{id}/correct")
  String correct(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return refusalsAsMessages(id, "", redirect, () -> {
      lifecycle.correct(id, reason);
      redirect.addFlashAttribute("notice", "moved");
      redirect.addFlashAttribute("noticeArg", Stage.DRAFT.name());
    });
  }

  @PostMapping("/reports/{id}/comments")
  String comment(@PathVariable UUID id, @RequestParam(required = false) String path,
      @RequestParam(required = false) String body, RedirectAttributes redirect) {
    return refusalsAsMessages(id, "#comments", redirect, () -> {
      guidance.add(id, path, body, true);
      redirect.addFlashAttribute("notice", "commented");
    });
  }

  @PostMapping("/reports/{id}/comments/{commentId}/resolve")
  String resolve(@PathVariable UUID id, @PathVariable long commentId, RedirectAttributes redirect) {
    return refusalsAsMessages(id, "#comments", redirect, () -> guidance.resolve(id, commentId, true));
  }

  /** 复核得分 from the finance view: fields {@code review.<row path>}. */
  @PostMapping("/reports/{id}/review-scores")
  String reviewScores(@PathVariable UUID id, @RequestParam(required = false) Integer version,
      HttpServletRequest request, RedirectAttributes redirect) {
    return refusalsAsMessages(id, "", redirect, () -> {
      reviewScores.enter(id, scores(request), version, true);
      redirect.addFlashAttribute("notice", "scored");
    });
  }

  private static Map<String, BigDecimal> scores(HttpServletRequest request) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (name.startsWith(REVIEW_FIELD) && values.length > 0 && !values[0].isBlank()) {
        String path = name.substring(REVIEW_FIELD.length());
        // Bounded before parsing: a form field may hold two megabytes of digits or 1e-99999999.
        scores.put(path, Limits.parse(values[0])
            .orElseThrow(() -> new InvalidInput(path + ": " + Limits.decimalRule())));
      }
    });
    return scores;
  }

  /** Runs a step; a refusal comes back to the package page as a message (with the blocking findings, if any). */
  private static String refusalsAsMessages(UUID id, String anchor, RedirectAttributes redirect, Runnable step) {
    try {
      step.run();
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      if (e instanceof SubmissionBlocked blocked) {
        redirect.addFlashAttribute("blocking", blocked.errors());
      }
    }
    return "redirect:/reports/" + id + anchor;
  }
}
