package io.jixiao.ui;

import io.jixiao.security.CurrentUser;
import io.jixiao.unit.UnitRepository;
import java.util.List;
import io.jixiao.security.Role;
import io.jixiao.shared.DomainException;
import io.jixiao.workflow.ClaimTask;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.TaskCursor;
import io.jixiao.web.Links;
import io.jixiao.report.Stage;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 任务列表: the home page — the caller's tasks and the ones they may claim. */
@Controller
class TaskPages {

  private final OpenTasks openTasks;
  private final ClaimTask claims;
  private final CurrentUser user;
  private final UnitRepository units;

  TaskPages(OpenTasks openTasks, ClaimTask claims, CurrentUser user, UnitRepository units) {
    this.openTasks = openTasks;
    this.claims = claims;
    this.user = user;
    this.units = units;
  }

  /** A task row as shown: how long it has waited, and whether it is overdue. */
  record Row(OpenTask task, long waitedDays, boolean overdue) {
    static Row of(OpenTask task) {
      OffsetDateTime now = OffsetDateTime.now();
      return new Row(task, Duration.between(task.created(), now).toDays(),
          task.due() != null && task.due().isBefore(now));
    }
  }

  /** Where a login lands: administrators on their dashboard, everyone else on their tasks. */
  @GetMapping("/")
  String home() {
    return user.has(Role.ADMIN) ? "redirect:/admin" : "redirect:/tasks";
  }

  /** Page size of each list on the page; further pages by the "next page" link (keyset, {@code after}). */
  static final int PAGE_SIZE = 50;

  /** At most this many units are offered in the unit filter's list; more, and the filter takes a unit code. */
  static final int UNIT_CHOICES = 100;

  @GetMapping("/tasks")
  String tasks(
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String mineAfter,
      Model model) {
    String unit = unitCode == null || unitCode.isBlank() ? null : unitCode;
    if (year != null && (year < 2000 || year > 2100) || unit != null && unit.length() > 100) {
      throw new io.jixiao.shared.InvalidInput("筛选条件超出范围");
    }
    OpenTasks.Filter filter = new OpenTasks.Filter(stage, year, unit, overdue);
    boolean admin = user.has(Role.ADMIN);
    var grants = user.memberships();
    var mine = openTasks.find(user.username(), grants, admin, OpenTasks.Queue.MINE, filter,
        TaskCursor.decode(mineAfter), PAGE_SIZE);
    var claimable = openTasks.find(user.username(), grants, admin, OpenTasks.Queue.CLAIMABLE, filter,
        TaskCursor.decode(after), PAGE_SIZE);
    model.addAttribute("mine", mine.items().stream().map(Row::of).toList());
    model.addAttribute("mineTotal", count(mine));
    model.addAttribute("mineNext", Links.withParameter("mineAfter", mine.next()));
    model.addAttribute("claimable", claimable.items().stream().map(Row::of).toList());
    model.addAttribute("claimableTotal", count(claimable));
    model.addAttribute("claimableNext", Links.withParameter("after", claimable.next()));
    model.addAttribute("stages", Stage.values());
    // A choice of up to UNIT_CHOICES units; beyond that (an administrator, a region's finance reviewer)
    // the unit is typed as its code: a list of thousands costs every page view and helps nobody.
    // A region's reviewer: the resolved units say how many there are; no query with a thousand codes.
    boolean many = !admin && user.units().size() > UNIT_CHOICES;
    var choices = many ? List.<io.jixiao.unit.Unit>of() : units.findFirst(user.unitScope(), UNIT_CHOICES + 1);
    boolean typed = many || choices.size() > UNIT_CHOICES;
    model.addAttribute("units", typed ? List.of() : choices);
    model.addAttribute("unitTyped", typed);
    model.addAttribute("filter", filter);
    return "tasks";
  }

  /** "1,000+" once the count stops at its cap. */
  private static String count(OpenTasks.Page page) {
    return String.format("%,d", page.total()) + (page.totalCapped() ? "+" : "");
  }

  /** Claims in place (htmx): the row comes back in "my tasks" form, or a note that someone was quicker. */
  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, Model model) {
    return row(() -> claims.claim(id, null), true, model);
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Model model) {
    return row(() -> claims.release(id), false, model);
  }

  private static String row(java.util.function.Supplier<OpenTask> change, boolean mine, Model model) {
    try {
      model.addAttribute("row", Row.of(change.get()));
      model.addAttribute("mineRow", mine);
    } catch (DomainException e) {
      model.addAttribute("gone", e.getMessage());
    }
    return "fragments/task-row :: row";
  }
}
