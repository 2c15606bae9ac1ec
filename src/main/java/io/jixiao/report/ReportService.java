package io.jixiao.report;

import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.CycleRepository;
import io.jixiao.cycle.TemplateCatalog;
import io.jixiao.form.Evaluation;
import io.jixiao.form.Evaluator;
import io.jixiao.form.ReportContent;
import io.jixiao.form.ReviewScores;
import io.jixiao.form.Template;
import io.jixiao.security.CurrentUser;
import io.jixiao.security.UnitScope;
import io.jixiao.unit.Unit;
import io.jixiao.unit.UnitRepository;
import io.jixiao.shared.Conflict;
import io.jixiao.shared.NotFound;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating packages, saving versions, and reading them back with their computed summary and findings. */
@Service
public class ReportService {

  private final ReportRepository reports;
  private final UnitRepository units;
  private final CycleRepository cycles;
  private final TemplateCatalog templates;
  private final ContentHasher hasher;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final ReportLifecycle lifecycle;
  /** Unit content hashes of stored versions, the most recently used {@value #UNIT_HASHES} of them. */
  private final java.util.Map<String, String> unitHashes = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
          return size() > UNIT_HASHES;
        }
      });
  private static final int UNIT_HASHES = 10_000;

  ReportService(ReportRepository reports, UnitRepository units, CycleRepository cycles, TemplateCatalog templates,
      ContentHasher hasher, CurrentUser currentUser, ApplicationEventPublisher events, ReportLifecycle lifecycle) {
    this.lifecycle = lifecycle;
    this.reports = reports;
    this.units = units;
    this.cycles = cycles;
    this.templates = templates;
    this.hasher = hasher;
    this.currentUser = currentUser;
    this.events = events;
  }

  /**
   * One package per unit and year, in the unit's region's cycle for that year; starts empty as
   * version 1. The unit's preparer opens it (or an administrator, for any unit).
   */
  @Transactional
  public Report create(String unitCode, int year) {
    Unit unit = units.find(unitCode, currentUser.unitScope())
        .orElseThrow(() -> new NotFound("单位 " + unitCode + " 不存在"));
    lifecycle.checkMayOpen(unitCode);
    Cycle cycle = cycles.findForUnit(unitCode, unit.regionCode(), year)
        .orElseThrow(() -> new Conflict("no-cycle", unit.regionName() + " " + year + " 年度评价周期尚未开启"));
    if (cycle.closed()) {
      throw new Conflict("cycle-closed", unit.regionName() + " " + year + " 年度评价周期已关闭，不能再创建报告");
    }
    if (reports.exists(unitCode, year)) {
      throw duplicate(unit, year);
    }
    UUID id = UUID.randomUUID();
    try {
      reports.insert(id, unitCode, year, cycle.id(), currentUser.username());
    } catch (DuplicateKeyException raced) {
      throw duplicate(unit, year);
    }
    events.publishEvent(new ReportEvents.Created(id, unitCode, year, currentUser.username()));
    saveVersion(id, 0, ReportContent.empty(), templates.get(cycle.templateCode()), year, unitCode);
    return reports.find(id, UnitScope.ALL).orElseThrow();
  }

  /**
   * Saves the unit's {@code content} as the next version, provided the caller may edit it now and
   * saw the latest version. Review scores are finance's and are not taken from a unit's save.
   * The package's row lock comes first: a save and a lifecycle step (which takes the same lock)
   * happen one after the other, so a save can never slip in behind a submit's checks.
   */
  @Transactional
  public Report save(UUID id, int expectedVersion, ReportContent content) {
    Report report = lock(id);
    lifecycle.checkEditable(report);
    return saveIfLatest(report, expectedVersion, ReviewScores.clear(content));
  }

  /**
   * Saves a change to the latest version made by the lifecycle itself (e.g. finance's review
   * scores); the caller has checked who may make it and holds the package's lock.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public Report revise(UUID id, UnaryOperator<ReportContent> change) {
    Report report = find(id);
    ReportContent latest = reports.content(id, report.latestVersion()).orElseThrow();
    return saveIfLatest(report, report.latestVersion(), change.apply(latest));
  }

  private Report saveIfLatest(Report report, int expectedVersion, ReportContent content) {
    if (report.latestVersion() != expectedVersion) {
      throw stale(report, expectedVersion);
    }
    Template template = templates.get(report.templateCode());
    if (!saveVersion(report.id(), expectedVersion, content, template, report.year(), report.unitCode())) {
      throw stale(find(report.id()), expectedVersion);
    }
    return find(report.id());
  }

  /** The hash a signature binds to: the unit's content of a version, without finance's review scores. */
  public String unitContentHash(ReportContent content) {
    return hasher.hash(ReviewScores.clear(content));
  }

  /**
   * The unit content hash of a stored version. Versions never change (V3 makes report_version
   * append-only), so the hash is kept once computed: a package's lifecycle view needs it at every step,
   * and computing it means reading, parsing and canonicalising the whole content. For a package the
   * caller has found (its scope checked).
   */
  public String unitContentHash(UUID id, int version) {
    String key = id + "/" + version;
    String cached = unitHashes.get(key);
    if (cached != null) {
      return cached;
    }
    String hash = unitContentHash(content(id, version));
    unitHashes.put(key, hash);
    return hash;
  }

  /** Locks the package for the rest of the transaction, so lifecycle steps on it happen one at a time. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public Report lock(UUID id) {
    // One statement: the row is locked and read as it is under the lock; another unit's package is a 404
    // (its lock goes with the failing transaction).
    return reports.lockAndFind(id, currentUser.unitScope())
        .orElseThrow(() -> new NotFound("报告 " + id + " 不存在"));
  }

  public ReportContent content(UUID id, int version) {
    return reports.content(find(id).id(), version)
        .orElseThrow(() -> new NotFound("报告 " + id + " 没有第 " + version + " 版"));
  }

  public Stage stageOf(Report report) {
    return lifecycle.stageOf(report);
  }

  /** Of these units, those that already have a package for the year, with the package's cycle. */
  public Map<String, Long> packagesOf(java.util.Collection<String> unitCodes, int year) {
    return reports.cyclesOf(unitCodes, year);
  }

  /** The caller's packages with their stages, in two queries whatever their number. */
  public Map<Report, Stage> listWithStages(Integer year, String unitCode) {
    List<Report> found = list(year, unitCode);
    Map<UUID, Stage> stages = lifecycle.stagesOf(found.stream().map(Report::id).toList());
    Map<Report, Stage> result = new java.util.LinkedHashMap<>();
    found.forEach(r -> result.put(r, stages.getOrDefault(r.id(), Stage.DRAFT)));
    return result;
  }

  private boolean saveVersion(UUID id, int expectedVersion, ReportContent content, Template template, int year,
      String unitCode) {
    if (!reports.advanceVersion(id, expectedVersion)) {
      return false;
    }
    String hash = hasher.hash(content);
    reports.insertVersion(id, expectedVersion + 1, content, hash, Evaluator.evaluate(content, template, year),
        currentUser.username());
    events.publishEvent(new ReportEvents.Saved(id, unitCode, expectedVersion + 1, hash, currentUser.username()));
    return true;
  }

  /** The package visible to the caller, or 404 — also for another unit's package, so its existence is not revealed. */
  public Report find(UUID id) {
    return reports.find(id, currentUser.unitScope())
        .orElseThrow(() -> new NotFound("报告 " + id + " 不存在"));
  }

  /** The package if the caller may see it. */
  public java.util.Optional<Report> findVisible(UUID id) {
    return reports.find(id, currentUser.unitScope());
  }

  public List<Report> list(Integer year, String unitCode) {
    return reports.list(currentUser.unitScope(), year, unitCode);
  }

  public ReportSnapshot snapshot(UUID id) {
    Report report = find(id);
    return snapshot(report, report.latestVersion());
  }

  public ReportSnapshot snapshot(UUID id, int version) {
    return snapshot(find(id), version);
  }

  private ReportSnapshot snapshot(Report report, int version) {
    ReportVersion meta = reports.version(report.id(), version)
        .orElseThrow(() -> new NotFound("报告 " + report.id() + " 没有第 " + version + " 版"));
    ReportContent content = reports.content(report.id(), version).orElseThrow();
    Template template = templates.get(report.templateCode());
    return new ReportSnapshot(report, meta, content, () -> Evaluator.evaluate(content, template, report.year()));
  }

  /** What the rules say of unsaved content (live totals while the preparer types). */
  public Evaluation preview(UUID id, ReportContent content) {
    Report report = find(id);
    return Evaluator.evaluate(content, templates.get(report.templateCode()), report.year());
  }

  public Template template(Report report) {
    return templates.get(report.templateCode());
  }

  public List<ReportVersion> versions(UUID id) {
    return reports.versions(find(id).id());
  }

  private static RuntimeException duplicate(Unit unit, int year) {
    return new Conflict("duplicate-report", unit.name() + " " + year + " 年度的报告已存在");
  }

  private static RuntimeException stale(Report current, int expectedVersion) {
    return StaleVersion.ofSave(current.latestVersion(), expectedVersion);
  }
}
