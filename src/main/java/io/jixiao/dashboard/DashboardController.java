package io.jixiao.dashboard;

import io.jixiao.report.Stage;
import io.jixiao.shared.InvalidInput;
import io.jixiao.web.ETags;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.ReassignTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin}: the dashboard as data (counts and a page of the table, the same queries as the
 * page) and reassigning a task as the administrator saw it. Administrators only.
 */
@RestController
@RequestMapping("/api/admin")
class DashboardController {

  private final Dashboard dashboard;
  private final ReassignTask reassignment;

  DashboardController(Dashboard dashboard, ReassignTask reassignment) {
    this.dashboard = dashboard;
    this.reassignment = reassignment;
  }

  record View(Dashboard.CycleChoice cycle, Dashboard.Counts counts, List<DashboardRow> rows, int page, int size,
      long total, int pages) {}

  /**
   * @param seenAssignee who held the task when the administrator looked (null or absent: nobody)
   * @param version      the package version they saw (or If-Match); optional
   */
  record Reassignment(@NotBlank @Size(max = 100) String assignee, @Size(max = 100) String seenAssignee,
      @Min(1) Integer version) {}

  @GetMapping("/dashboard")
  View dashboard(
      @RequestParam(required = false) Long cycle,
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "false") boolean late,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "50") int size) {
    Dashboard.CycleChoice chosen = dashboard.cycle(dashboard.cycles(), cycle);
    if (chosen == null) {
      return new View(null, null, List.of(), page, size, 0, 0);
    }
    Dashboard.Page rows = dashboard.page(chosen.id(), new Dashboard.Filter(stage, assignee, unit, late),
        Dashboard.Sort.parse(sort), Dashboard.descending(dir), page, size);
    return new View(chosen, dashboard.counts(chosen.id()), rows.rows(), rows.page(), rows.size(), rows.total(),
        rows.pages());
  }

  /** 409 if the user may not take the task (not holding its role in its unit) or the task is no longer as seen. */
  @PostMapping("/tasks/{id}/assignee")
  OpenTask reassign(@PathVariable String id, @Valid @RequestBody Reassignment request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer fromHeader = ETags.parse(ifMatch);
    if (fromHeader != null && request.version() != null && !fromHeader.equals(request.version())) {
      throw new InvalidInput("If-Match 与 version 所指的版本不一致");
    }
    String seen = request.seenAssignee() == null || request.seenAssignee().isBlank() ? null : request.seenAssignee().strip();
    return reassignment.reassign(id, request.assignee().strip(), seen, fromHeader != null ? fromHeader : request.version());
  }
}
