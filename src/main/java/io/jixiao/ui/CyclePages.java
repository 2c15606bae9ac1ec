package io.jixiao.ui;

import io.jixiao.admin.CycleAdministration;
import io.jixiao.cycle.DueDates;
import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.security.UnitScope;
import io.jixiao.shared.DomainException;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.InvalidInput;
import io.jixiao.unit.Unit;
import io.jixiao.unit.UnitRepository;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 评价周期管理 ({@code /admin/cycles}): the cycles with their dates and unit counts, opening and closing one. */
@Controller
class CyclePages {

  private final CycleAdministration administration;
  private final TemplateCatalog templates;
  private final UnitRepository units;
  private final CurrentUser user;

  CyclePages(CycleAdministration administration, TemplateCatalog templates, UnitRepository units, CurrentUser user) {
    this.administration = administration;
    this.templates = templates;
    this.units = units;
    this.user = user;
  }

  /** A region and its units, for the checkboxes of the form. */
  record RegionUnits(String code, String name, List<Unit> units) {}

  @GetMapping("/admin/cycles")
  String cycles(Model model) {
    model.addAttribute("cycles", administration.list());
    model.addAttribute("templates", templates.names());
    Map<String, RegionUnits> regions = new LinkedHashMap<>();
    if (user.has(Role.ADMIN)) {
      for (Unit unit : units.findAll(UnitScope.ALL)) {
        regions.computeIfAbsent(unit.regionCode(), code -> new RegionUnits(code, unit.regionName(), new java.util.ArrayList<>()))
            .units().add(unit);
      }
    }
    model.addAttribute("regions", regions.values());
    Map<String, String> regionNames = new LinkedHashMap<>();
    regions.values().forEach(r -> regionNames.put(r.code(), r.name()));
    model.addAttribute("regionNames", regionNames);
    int year = LocalDate.now().getYear() - 1;
    model.addAttribute("defaultYear", year);
    LocalDate draft = LocalDate.of(year + 1, 3, 31);
    model.addAttribute("defaultDue", new DueDates(draft, draft.plusDays(7), draft.plusDays(21), draft.plusDays(35),
        draft.plusDays(55)));
    model.addAttribute("defaultDays", CycleAdministration.DEFAULT_PUBLICATION_DAYS);
    return "admin-cycles";
  }

  @PostMapping("/admin/cycles")
  String open(@RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String templateCode,
      @RequestParam(name = "unitCodes", required = false) List<String> unitCodes,
      @RequestParam(required = false) String draft, @RequestParam(required = false) String sign,
      @RequestParam(required = false) String guidance, @RequestParam(required = false) String review,
      @RequestParam(required = false) String publish, @RequestParam(required = false) Integer publicationDays,
      RedirectAttributes redirect) {
    requireAdmin();
    try {
      if (year == null) {
        throw new InvalidInput("必须填写年度");
      }
      DueDates due = new DueDates(date(draft), date(sign), date(guidance), date(review), date(publish));
      CycleAdministration.Opened opened = administration.open(regionCode, year, templateCode,
          unitCodes == null ? List.of() : unitCodes, due, publicationDays);
      redirect.addFlashAttribute("notice", opened.created() ? "cycleOpened" : "cycleExtended");
      redirect.addFlashAttribute("noticeArg", opened.packagesCreated().size());
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/cycles";
  }

  @PostMapping("/admin/cycles/{id}/close")
  String close(@PathVariable long id, RedirectAttributes redirect) {
    requireAdmin();
    try {
      administration.close(id);
      redirect.addFlashAttribute("notice", "cycleClosed");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/cycles";
  }

  /** A non-administrator gets the 403 page, not a message on a page they may not see. */
  private void requireAdmin() {
    if (!user.has(Role.ADMIN)) {
      throw new Forbidden("只有管理员可以管理评价周期");
    }
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInput("日期 " + text + " 无法识别（应为 yyyy-mm-dd）");
    }
  }
}
