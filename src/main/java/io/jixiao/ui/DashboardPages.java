package io.jixiao.ui;

import io.jixiao.audit.StageHistory;
import io.jixiao.dashboard.Dashboard;
import io.jixiao.dashboard.DashboardRow;
import io.jixiao.dashboard.DashboardWorkbook;
import io.jixiao.report.Stage;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.security.UserDirectory;
import io.jixiao.shared.DomainException;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.InvalidInput;
import io.jixiao.workflow.ReassignTask;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * 管理员工作台 ({@code /admin}, the administrators' home page): counts per stage of the chosen cycle, the
 * packages' table (sorted, filtered and paged on the server; htmx swaps only the table), progress over
 * time as a chart (Chart.js from its WebJar, data in the page), the table as .xlsx, and reassigning a task
 * in place. Administrators only.
 */
@Controller
class DashboardPages {

  static final int PAGE_SIZE = 50;
  static final int CHART_DAYS = 60;

  private final Dashboard dashboard;
  private final DashboardWorkbook workbook;
  private final StageHistory history;
  private final ReassignTask reassignment;
  private final UserDirectory directory;
  private final CurrentUser user;
  private final MessageSource messages;
  private final JsonMapper json;

  DashboardPages(Dashboard dashboard, DashboardWorkbook workbook, StageHistory history, ReassignTask reassignment,
      UserDirectory directory, CurrentUser user, MessageSource messages, JsonMapper json) {
    this.dashboard = dashboard;
    this.workbook = workbook;
    this.history = history;
    this.reassignment = reassignment;
    this.directory = directory;
    this.user = user;
    this.messages = messages;
    this.json = json;
  }

  /**
   * What the table shows: the page's query parameters, kept in every link and form of the table.
   *
   * @param assignee {@code -}: unclaimed tasks only
   */
  record Query(Long cycle, Stage stage, String assignee, String unit, boolean late, String sort, String dir, int page) {

    Query {
      sort = Dashboard.Sort.parse(sort).parameter();
      dir = Dashboard.descending(dir) ? "desc" : "asc";
      assignee = blank(assignee);
      unit = blank(unit);
      if (page < 1 || page > Dashboard.MAX_PAGE) {
        throw new InvalidInput("页码必须在 1 至 " + Dashboard.MAX_PAGE + " 之间");
      }
    }

    public Dashboard.Filter filter() {
      return new Dashboard.Filter(stage, assignee, unit, late);
    }

    public Dashboard.Sort sorting() {
      return Dashboard.Sort.parse(sort);
    }

    public boolean descending() {
      return dir.equals("desc");
    }

    public Query withCycle(long id) {
      return new Query(id, stage, assignee, unit, late, sort, dir, page);
    }

    public Query withStage(Stage s) {
      return new Query(cycle, s, assignee, unit, late, sort, dir, 1);
    }

    public Query atPage(int n) {
      return new Query(cycle, stage, assignee, unit, late, sort, dir, n);
    }

    /** Sorted by {@code column}: ascending first, descending when already ascending by it. */
    public Query sortedBy(String column) {
      boolean again = column.equals(sort) && dir.equals("asc");
      return new Query(cycle, stage, assignee, unit, late, column, again ? "desc" : "asc", 1);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the column header's aria-sort. */
    public String ariaSort(String column) {
      return !column.equals(sort) ? "none" : dir.equals("desc") ? "descending" : "ascending";
    }

    public String url(String path) {
      Map<String, Object> params = parameters();
      StringBuilder url = new StringBuilder(path);
      String sep = "?";
      for (var e : params.entrySet()) {
        url.append(sep).append(e.getKey()).append('=')
            .append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
        sep = "&";
      }
      return url.toString();
    }

    public Map<String, Object> parameters() {
      Map<String, Object> params = new LinkedHashMap<>();
      if (cycle != null) {
        params.put("cycle", cycle);
      }
      if (stage != null) {
        params.put("stage", stage.name());
      }
      if (assignee != null) {
        params.put("assignee", assignee);
      }
      if (unit != null) {
        params.put("unit", unit);
      }
      if (late) {
        params.put("late", true);
      }
      params.put("sort", sort);
      params.put("dir", dir);
      if (page > 1) {
        params.put("page", page);
      }
      return params;
    }

    private static String blank(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }

  @ModelAttribute("query")
  Query query(@RequestParam(required = false) Long cycle, @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) String assignee, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page) {
    return new Query(cycle, stage, assignee, unit, late, sort, dir, page);
  }

  @GetMapping("/admin")
  String dashboard(@ModelAttribute("query") Query query, Model model, Locale locale) {
    requireAdmin();
    List<Dashboard.CycleChoice> cycles = dashboard.cycles();
    model.addAttribute("cycles", cycles);
    model.addAttribute("stages", Stage.values());
    Dashboard.CycleChoice cycle = dashboard.cycle(cycles, query.cycle());
    model.addAttribute("cycle", cycle);
    if (cycle == null) {
      return "admin-dashboard";
    }
    Query shown = query.withCycle(cycle.id());
    model.addAttribute("query", shown);
    model.addAttribute("counts", dashboard.counts(cycle.id()));
    table(shown, cycle, model);
    StageHistory.Daily daily = history.perDay(cycle.id(), LocalDate.now(Dashboard.ZONE), CHART_DAYS, Dashboard.ZONE);
    model.addAttribute("chartDays", json.writeValueAsString(daily.days().stream().map(LocalDate::toString).toList()));
    List<Map<String, Object>> series = new ArrayList<>();
    daily.counts().forEach((stage, counts) -> series.add(Map.of("stage", stage.name(),
        "label", messages.getMessage("stage." + stage.name(), null, locale), "counts", counts)));
    model.addAttribute("chartSeries", json.writeValueAsString(series));
    model.addAttribute("chartEmpty", daily.days().isEmpty());
    return "admin-dashboard";
  }

  /** The table alone, for htmx: sorting, filtering and paging swap only it; the address bar follows. */
  @GetMapping("/admin/rows")
  String rows(@ModelAttribute("query") Query query, Model model, HttpServletResponse response) {
    requireAdmin();
    Dashboard.CycleChoice cycle = dashboard.cycle(dashboard.cycles(), query.cycle());
    if (cycle == null) {
      throw new io.jixiao.shared.NotFound("没有评价周期");
    }
    Query shown = query.withCycle(cycle.id());
    model.addAttribute("query", shown);
    table(shown, cycle, model);
    response.setHeader("HX-Push-Url", shown.url("/admin"));
    return "fragments/dashboard-table :: table";
  }

  /** The table (every page of it, with the filter and order shown) as an .xlsx workbook. */
  @GetMapping("/admin/export.xlsx")
  void export(@ModelAttribute("query") Query query, HttpServletResponse response, Locale locale) throws IOException {
    requireAdmin();
    Dashboard.CycleChoice cycle = dashboard.cycle(dashboard.cycles(), query.cycle());
    if (cycle == null) {
      throw new io.jixiao.shared.NotFound("没有评价周期");
    }
    String name = "jixiao-" + cycle.regionCode() + "-" + cycle.year() + "-" + LocalDate.now(Dashboard.ZONE) + ".xlsx";
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    List<String> headers = Arrays.stream(DashboardWorkbook.Column.values())
        .map(c -> messages.getMessage("dashboard.column." + c.name(), null, locale)).toList();
    workbook.write(response.getOutputStream(), cycle.id(), query.filter(), query.sorting(), query.descending(),
        cycle.regionName() + " " + cycle.year(), headers, s -> messages.getMessage("stage." + s.name(), null, locale),
        List.of(messages.getMessage("dashboard.yes", null, locale), messages.getMessage("dashboard.no", null, locale)));
  }

  /** The reassign form of one row: the users holding the task's role in its unit (asked of the directory once). */
  @GetMapping("/admin/tasks/{id}/reassign")
  String reassignForm(@PathVariable String id, @ModelAttribute("query") Query query, Model model) {
    requireAdmin();
    if (id.length() > 64) {
      throw new InvalidInput("任务编号过长");
    }
    var task = dashboard.task(id).orElseThrow(() -> new io.jixiao.shared.NotFound("任务 " + id + " 不存在"));
    model.addAttribute("task", task);
    try {
      model.addAttribute("eligible", directory.eligible(task.stage().actor(), task.unitCode()).stream()
          .filter(u -> !u.equals(task.assignee())).toList());
    } catch (UserDirectory.Unavailable e) {
      model.addAttribute("eligible", List.of());
      model.addAttribute("directoryDown", true);
    }
    return "fragments/dashboard-table :: reassign";
  }

  /**
   * Reassigns to {@code to}, then shows the table again (same query) with what happened (or why not) above it.
   * The target is not called {@code assignee}: that is the table's assignee filter, carried along.
   */
  @PostMapping("/admin/tasks/{id}/reassign")
  String reassign(@PathVariable String id, @RequestParam(name = "to", required = false) String assignee,
      @RequestParam(required = false) String seenAssignee, @RequestParam(required = false) Integer version,
      @ModelAttribute("query") Query query, Model model, HttpServletResponse response) {
    requireAdmin();
    try {
      if (assignee == null || assignee.isBlank() || assignee.length() > 100) {
        throw new InvalidInput("请选择接办人");
      }
      var task = reassignment.reassign(id, assignee.strip(),
          seenAssignee == null || seenAssignee.isBlank() ? null : seenAssignee.strip(), version);
      model.addAttribute("reassigned", task);
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
    }
    return rows(query, model, response);
  }

  private void table(Query query, Dashboard.CycleChoice cycle, Model model) {
    Dashboard.Page page = dashboard.page(cycle.id(), query.filter(), query.sorting(), query.descending(), query.page(),
        PAGE_SIZE);
    model.addAttribute("page", page);
    model.addAttribute("publicationDays", cycle.publicationDays());
  }

  private void requireAdmin() {
    if (!user.has(Role.ADMIN)) {
      throw new Forbidden("只有管理员可以查看工作台");
    }
  }

  /** For the template: whether a row's task may be reassigned from here. */
  static boolean reassignable(DashboardRow row) {
    return row.taskId() != null;
  }
}
