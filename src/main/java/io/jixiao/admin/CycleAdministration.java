package io.jixiao.admin;

import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.CycleRepository;
import io.jixiao.cycle.DueDates;
import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.report.ReportService;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import io.jixiao.security.UnitScope;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.Forbidden;
import io.jixiao.shared.InvalidInput;
import io.jixiao.shared.NotFound;
import io.jixiao.unit.Unit;
import io.jixiao.unit.UnitRepository;
import io.jixiao.workflow.CycleDueDates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, extending, re-dating and closing cycles. Every change is one transaction that checks
 * everything before it writes anything: a refused request leaves no cycle, unit or package behind.
 */
@Service
public class CycleAdministration {

  /** Days from finance approval to the publication deadline unless the cycle says otherwise (DOMAIN §8). */
  public static final int DEFAULT_PUBLICATION_DAYS = 20;
  /** Units one request may name. */
  public static final int MAX_UNITS = 2000;

  private final CycleRepository cycles;
  private final TemplateCatalog templates;
  private final UnitRepository units;
  private final ReportService reports;
  private final CurrentUser user;
  private final CycleDueDates running;

  CycleAdministration(CycleRepository cycles, TemplateCatalog templates, UnitRepository units, ReportService reports,
      CurrentUser user, CycleDueDates running) {
    this.running = running;
    this.cycles = cycles;
    this.templates = templates;
    this.units = units;
    this.reports = reports;
    this.user = user;
  }

  /** What opening or adding did: the cycle, whether it is new, and the units whose packages were created now. */
  public record Opened(Cycle cycle, boolean created, List<String> packagesCreated) {}

  /** A cycle with how many units it includes. */
  public record Overview(Cycle cycle, int unitCount) {}

  public List<Overview> list() {
    requireAdmin();
    Map<Long, Integer> counts = cycles.unitCounts();
    return cycles.list(null).stream().map(c -> new Overview(c, counts.getOrDefault(c.id(), 0))).toList();
  }

  public Cycle find(long id) {
    requireAdmin();
    return cycles.find(id).orElseThrow(() -> notFound(id));
  }

  public List<String> units(long id) {
    requireAdmin();
    return cycles.units(id);
  }

  /**
   * Opens the region's cycle of the year for the template, with the given units and due dates, and
   * creates each unit's draft package and lifecycle. Opening it again (same region, year and
   * template) only adds the units not yet in it; its due dates stay as they are ({@link #changeDueDates}).
   */
  @Transactional
  public Opened open(String regionCode, int year, String templateCode, List<String> unitCodes, DueDates due,
      Integer publicationDays) {
    requireAdmin();
    if (year < 2000 || year > 2100) {
      throw new InvalidInput("年度必须在 2000 至 2100 之间");
    }
    int days = publicationDays == null ? DEFAULT_PUBLICATION_DAYS : publicationDays;
    if (days < 1 || days > 365) {
      throw new InvalidInput("公开期限必须在 1 至 365 天之间");
    }
    checkDates(due);
    if (regionCode == null || !cycles.regionExists(regionCode)) {
      throw new NotFound("地区 " + regionCode + " 不存在");
    }
    if (templateCode == null || templates.find(templateCode).isEmpty()) {
      throw new NotFound("模板 " + templateCode + " 不存在");
    }
    List<String> included = checkUnits(unitCodes, regionCode);
    // Refusals after this point still write nothing: the transaction rolls back.
    Long inserted = cycles.find(regionCode, year, templateCode).isPresent() ? null
        : cycles.insertIfAbsent(regionCode, year, templateCode, due, days, user.username()).orElse(null);
    Cycle cycle = cycles.find(regionCode, year, templateCode).flatMap(c -> cycles.lock(c.id())).orElseThrow();
    if (cycle.closed()) {
      throw closed(cycle);
    }
    checkNotInOtherCycle(included, year, cycle.id());
    return new Opened(cycle, inserted != null, include(cycle.id(), year, included));
  }

  /** Adds units to an open cycle and creates their draft packages; units already in it are left as they are. */
  @Transactional
  public Opened addUnits(long id, List<String> unitCodes) {
    requireAdmin();
    Cycle cycle = cycles.lock(id).orElseThrow(() -> notFound(id));
    if (cycle.closed()) {
      throw closed(cycle);
    }
    List<String> included = checkUnits(unitCodes, cycle.regionCode());
    checkNotInOtherCycle(included, cycle.year(), id);
    return new Opened(cycle, false, include(id, cycle.year(), included));
  }

  /**
   * Stores the cycle's new due dates: packages opened from now on take them, the running lifecycles
   * take them for the stages still ahead, and open tasks get their stage's new date.
   */
  @Transactional
  public Cycle changeDueDates(long id, DueDates due) {
    requireAdmin();
    cycles.lock(id).orElseThrow(() -> notFound(id));
    checkDates(due);
    cycles.updateDueDates(id, due);
    running.apply(id, due);
    return cycles.find(id).orElseThrow();
  }

  /** Closes the cycle: no new packages in it. Packages already in it go on. */
  @Transactional
  public Cycle close(long id) {
    requireAdmin();
    cycles.lock(id).orElseThrow(() -> notFound(id));
    cycles.close(id, user.username());
    return cycles.find(id).orElseThrow();
  }

  private List<String> include(long id, int year, List<String> included) {
    if (included.isEmpty()) {
      return List.of();
    }
    try {
      cycles.addUnits(id, year, included, user.username());
    } catch (DuplicateKeyException raced) {
      throw new Conflict("unit-in-other-cycle", "所选单位已被同时纳入本年度的另一个评价周期，请重试");
    }
    Set<String> withPackage = reports.packagesOf(included, year).keySet();
    List<String> created = new ArrayList<>();
    for (String unitCode : included) {
      if (!withPackage.contains(unitCode)) {
        reports.create(unitCode, year);
        created.add(unitCode);
      }
    }
    return created;
  }

  private void checkNotInOtherCycle(List<String> unitCodes, int year, long cycleId) {
    if (unitCodes.isEmpty()) {
      return;
    }
    Map<String, Long> elsewhere = new java.util.TreeMap<>(cycles.inOtherCycles(unitCodes, year, cycleId));
    reports.packagesOf(unitCodes, year).forEach((unit, packageCycle) -> {
      if (packageCycle != cycleId) {
        elsewhere.putIfAbsent(unit, packageCycle);
      }
    });
    if (!elsewhere.isEmpty()) {
      throw new Conflict("unit-in-other-cycle",
          "单位 " + String.join("、", elsewhere.keySet()) + " 已在 " + year + " 年度的另一个评价周期中",
          Map.of("units", elsewhere));
    }
  }

  private List<String> checkUnits(List<String> unitCodes, String regionCode) {
    if (unitCodes == null) {
      return List.of();
    }
    if (unitCodes.size() > MAX_UNITS) {
      throw new InvalidInput("一次最多纳入 " + MAX_UNITS + " 个单位");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String code : unitCodes) {
      if (code == null || code.isBlank() || code.length() > 60) {
        throw new InvalidInput("单位代码不能为空，且不超过 60 个字符");
      }
      distinct.add(code.trim());
    }
    for (String code : distinct) {
      Unit unit = units.find(code, UnitScope.ALL).orElseThrow(() -> new NotFound("单位 " + code + " 不存在"));
      if (!unit.regionCode().equals(regionCode)) {
        throw new InvalidInput("单位 " + code + " 属于" + unit.regionName() + "，不属于本周期的地区");
      }
    }
    return List.copyOf(distinct);
  }

  private static void checkDates(DueDates due) {
    if (due == null) {
      throw new InvalidInput("必须填写各阶段的截止日期");
    }
    List<String> problems = due.problems();
    if (!problems.isEmpty()) {
      throw new InvalidInput(String.join("；", problems));
    }
  }

  private void requireAdmin() {
    if (!user.has(Role.ADMIN)) {
      throw new Forbidden("只有管理员可以管理评价周期");
    }
  }

  private static NotFound notFound(long id) {
    return new NotFound("评价周期 " + id + " 不存在");
  }

  private static Conflict closed(Cycle cycle) {
    return new Conflict("cycle-closed", cycle.regionCode() + " " + cycle.year() + " 年度评价周期已关闭");
  }
}
