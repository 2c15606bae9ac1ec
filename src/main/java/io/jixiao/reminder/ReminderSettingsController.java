package io.jixiao.reminder;

import io.jixiao.cycle.CycleRepository;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.NotFound;
import io.jixiao.web.ETags;
import io.jixiao.web.Problems;
import io.jixiao.workflow.CycleDueDates;
import io.jixiao.workflow.TaskTimers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cycle's reminder days (催办提前天数), administrators only. A change moves the waiting reminder timers of
 * the cycle's open tasks. {@code If-Match} names the setting's version ({@code "0"} while the cycle has none).
 */
@RestController
@RequestMapping("/api/cycles/{id}/reminders")
class ReminderSettingsController {

  record ChangeReminders(@NotNull @Min(1) @Max(60) Integer daysBefore) {}

  private final ReminderSettings settings;
  private final CycleRepository cycles;
  private final CycleDueDates dueDates;
  private final TaskTimers timers;
  private final CurrentUser user;

  ReminderSettingsController(ReminderSettings settings, CycleRepository cycles, CycleDueDates dueDates,
      TaskTimers timers, CurrentUser user) {
    this.settings = settings;
    this.cycles = cycles;
    this.dueDates = dueDates;
    this.timers = timers;
    this.user = user;
  }

  @GetMapping
  ResponseEntity<ReminderSettings.Setting> get(@PathVariable long id) {
    requireAdmin();
    cycles.find(id).orElseThrow(() -> new NotFound("没有这个评价周期"));
    ReminderSettings.Setting setting = settings.of(id);
    return ResponseEntity.ok().eTag(ETags.of(setting.version())).body(setting);
  }

  @PutMapping
  @Transactional
  ResponseEntity<ReminderSettings.Setting> put(@PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ChangeReminders change) {
    requireAdmin();
    Integer version = ETags.parse(ifMatch);
    if (version == null) {
      throw Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少 If-Match",
          "修改催办设置须带上所见设置的 ETag (If-Match)", Map.of());
    }
    cycles.lock(id).orElseThrow(() -> new NotFound("没有这个评价周期"));
    ReminderSettings.Setting changed = settings.set(id, change.daysBefore(), version, user.username())
        .orElseThrow(() -> new Conflict("stale-version", "催办设置已被他人修改，请刷新后重试",
            Map.of("currentVersion", settings.of(id).version())));
    timers.reschedule(dueDates.running(id));
    return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
  }

  private void requireAdmin() {
    if (!user.has(Role.ADMIN)) {
      throw new Forbidden("只有管理员可以修改催办设置");
    }
  }
}
