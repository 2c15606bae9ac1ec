package io.jixiao.tasks;

import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.shared.InvalidInput;
import io.jixiao.web.ETags;
import io.jixiao.workflow.ClaimTask;
import io.jixiao.workflow.CompleteTask;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.ReassignTask;
import io.jixiao.workflow.TaskCursor;
import java.util.List;
import io.jixiao.web.Links;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task queues and what one does with a task: claim, unclaim, complete; reassign for administrators. */
@RestController
@RequestMapping("/api/tasks")
// No class-level @Validated: Spring MVC validates the parameters itself (a 400 problem detail, not a 500).
class TaskController {

  private final OpenTasks openTasks;
  private final ClaimTask claims;
  private final CompleteTask completion;
  private final ReassignTask reassignment;
  private final CurrentUser user;

  TaskController(OpenTasks openTasks, ClaimTask claims, CompleteTask completion, ReassignTask reassignment,
      CurrentUser user) {
    this.openTasks = openTasks;
    this.claims = claims;
    this.completion = completion;
    this.reassignment = reassignment;
    this.user = user;
  }

  /** @param version the package version the user read (or the ETag in If-Match); required to APPROVE */
  record Completion(@NotNull Outcome outcome, @Size(max = 4000) String comment, Stage returnTo,
      @Min(1) Integer version) {}

  record Reassignment(@NotBlank @Size(max = 100) String assignee) {}

  /**
   * A page of the caller's queue, in (due, created, id) order.
   *
   * @param total       the count, at most 1,000 ({@code totalCapped}: there are more)
   * @param next        the link to the next page ({@code after} = this page's end), null on the last
   */
  record QueuePage(List<OpenTask> items, int size, long total, boolean totalCapped, String after, String next) {}

  /**
   * @param assigned {@code me} for the caller's tasks, {@code claimable} for unassigned tasks they may claim; both when absent
   * @param after    the opaque position a previous page's {@code next} link carries
   */
  @GetMapping
  QueuePage list(
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) @Size(max = 100) String unitCode,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String assigned,
      @RequestParam(required = false) @Size(max = 200) String after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    OpenTasks.Queue queue = switch (assigned == null ? "" : assigned) {
      case "" -> OpenTasks.Queue.BOTH;
      case "me" -> OpenTasks.Queue.MINE;
      case "claimable" -> OpenTasks.Queue.CLAIMABLE;
      default -> throw new InvalidInput("assigned 只能是 me 或 claimable");
    };
    OpenTasks.Page page = openTasks.find(user.username(), user.memberships(), user.has(io.jixiao.security.Role.ADMIN), queue,
        new OpenTasks.Filter(stage, year, unitCode, overdue), TaskCursor.decode(after), size);
    return new QueuePage(page.items(), page.size(), page.total(), page.totalCapped(), page.next(),
        Links.withParameter("after", page.next()));
  }

  @PostMapping("/{id}/claim")
  OpenTask claim(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return claims.claim(id, ETags.parse(ifMatch));
  }

  @PostMapping("/{id}/unclaim")
  OpenTask unclaim(@PathVariable String id) {
    return claims.release(id);
  }

  @PostMapping("/{id}/complete")
  CompleteTask.Transition complete(@PathVariable String id, @Valid @RequestBody Completion request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Integer fromHeader = ETags.parse(ifMatch);
    if (fromHeader != null && request.version() != null && !fromHeader.equals(request.version())) {
      throw new InvalidInput("If-Match 与 version 所指的版本不一致");
    }
    return completion.complete(new CompleteTask.Step(id, request.outcome(), request.comment(), request.returnTo(),
        fromHeader != null ? fromHeader : request.version(), false));
  }

  @PostMapping("/{id}/reassign")
  OpenTask reassign(@PathVariable String id, @Valid @RequestBody Reassignment request) {
    return reassignment.reassign(id, request.assignee().strip());
  }
}
