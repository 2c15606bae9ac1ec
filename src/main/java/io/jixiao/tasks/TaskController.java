package io.jixiao.tasks;

import io.jixiao.security.CurrentUser;
import io.jixiao.web.Problems;
import io.jixiao.workflow.Lifecycle;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.Stage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task queues and what one does with a task: claim, unclaim, complete; reassign for administrators. */
@RestController
@RequestMapping("/api/tasks")
@Validated
class TaskController {

  private final OpenTasks openTasks;
  private final Lifecycle lifecycle;
  private final CurrentUser user;

  TaskController(OpenTasks openTasks, Lifecycle lifecycle, CurrentUser user) {
    this.openTasks = openTasks;
    this.lifecycle = lifecycle;
    this.user = user;
  }

  record Completion(@NotNull Outcome outcome, @Size(max = 4000) String comment, Stage returnTo) {}

  record Reassignment(@NotBlank @Size(max = 100) String assignee) {}

  /**
   * @param assigned {@code me} for the caller's tasks, {@code claimable} for unassigned tasks they may claim; both when absent
   */
  @GetMapping
  OpenTasks.Page list(
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String assigned,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    OpenTasks.Queue queue = switch (assigned == null ? "" : assigned) {
      case "" -> OpenTasks.Queue.BOTH;
      case "me" -> OpenTasks.Queue.MINE;
      case "claimable" -> OpenTasks.Queue.CLAIMABLE;
      default -> throw Problems.badRequest("assigned 只能是 me 或 claimable");
    };
    return openTasks.find(user.username(), user.roles(), user.units(), queue,
        new OpenTasks.Filter(stage, year, unitCode, overdue), page, size);
  }

  @PostMapping("/{id}/claim")
  OpenTask claim(@PathVariable String id) {
    return lifecycle.claim(id);
  }

  @PostMapping("/{id}/unclaim")
  OpenTask unclaim(@PathVariable String id) {
    return lifecycle.unclaim(id);
  }

  @PostMapping("/{id}/complete")
  Lifecycle.Transition complete(@PathVariable String id, @Valid @RequestBody Completion completion) {
    return lifecycle.complete(id, completion.outcome(), completion.comment(), completion.returnTo());
  }

  @PostMapping("/{id}/reassign")
  OpenTask reassign(@PathVariable String id, @Valid @RequestBody Reassignment reassignment) {
    return lifecycle.reassign(id, reassignment.assignee());
  }
}
