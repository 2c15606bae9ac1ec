package io.jixiao.demo;

import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.CycleRepository;
import io.jixiao.form.Acknowledgement;
import io.jixiao.form.Finding;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Severity;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.security.Role;
import io.jixiao.security.UnitScope;
import io.jixiao.unit.Unit;
import io.jixiao.unit.UnitRepository;
import io.jixiao.workflow.Guidance;
import io.jixiao.security.Grant;
import io.jixiao.workflow.ClaimTask;
import io.jixiao.workflow.CompleteTask;
import io.jixiao.workflow.EnterReviewScores;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.report.Stage;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo packages, so that whoever logs in as a demo user finds work in their queue: the seed
 * fixtures (published reports as transcribed, findings and all) as drafts of their units and years
 * for the preparers to fix, and clean packages taken through the real lifecycle to every stage —
 * awaiting the unit head's signature, the bureau's guidance (one returned to the preparer with the
 * bureau's comments), finance review (one held by its reviewer, review scores entered),
 * disclosure, and one published.
 *
 * <p>Every step goes through the services as the demo user whose step it is, so the audit trail,
 * signatures and engine history are what real use would leave. Units without a demo preparer or
 * head in the realm ({@code *-fyjk}) are filled and signed by stand-ins named
 * {@code <unit>.preparer} / {@code <unit>.head}. Runs after {@link DemoData} has opened the cycles,
 * only while the database holds no report at all, and in one transaction: all or nothing.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "jixiao.demo.packages", havingValue = "true", matchIfMissing = true)
class DemoPackages implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPackages.class);

  private final ReportService reports;
  private final ClaimTask claims;
  private final CompleteTask completion;
  private final EnterReviewScores reviewScores;
  private final Guidance guidance;
  private final OpenTasks openTasks;
  private final CycleRepository cycles;
  private final UnitRepository units;
  private final JsonMapper json;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  DemoPackages(ReportService reports, ClaimTask claims, CompleteTask completion, EnterReviewScores reviewScores,
      Guidance guidance, OpenTasks openTasks, CycleRepository cycles, UnitRepository units, JsonMapper json,
      PlatformTransactionManager transactions, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.claims = claims;
    this.completion = completion;
    this.reviewScores = reviewScores;
    this.guidance = guidance;
    this.openTasks = openTasks;
    this.cycles = cycles;
    this.units = units;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!isEmpty()) {
      log.info("Demo packages: reports exist already, none added");
      return;
    }
    long started = System.nanoTime();
    try {
      Map<Stage, Integer> made = transaction.execute(status -> {
        // Nodes starting at once on an empty database: one creates, the others wait here and then
        // find the reports it made. The lock ends with the transaction.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('jixiao.demo-packages'))) l").query(Integer.class).single();
        return isEmpty() ? create() : null;
      });
      if (made == null) {
        log.info("Demo packages: another node created them meanwhile, none added");
      } else {
        log.info("Demo packages created in {} ms: {}", (System.nanoTime() - started) / 1_000_000, made);
      }
    } catch (RuntimeException e) {
      log.warn("Demo packages not created (nothing was kept): {}", e.toString(), e);
    }
  }

  private boolean isEmpty() {
    return DemoActors.ADMIN.call(() -> reports.list(null, null).isEmpty());
  }

  /** Creates everything; the counts of packages by stage. */
  Map<Stage, Integer> create() {
    Map<String, Unit> unitsByCode = new LinkedHashMap<>();
    units.findAll(UnitScope.ALL).forEach(unit -> unitsByCode.put(unit.code(), unit));
    Map<Stage, Integer> made = new EnumMap<>(Stage.class);
    for (DemoContent.Fixture fixture : fixtures()) {
      Unit unit = unitsByCode.get(fixture.unitCode());
      Optional<Cycle> cycle = unit == null ? Optional.empty() : cycles.findForUnit(unit.code(), unit.regionCode(), fixture.year());
      if (cycle.isEmpty()) {
        log.info("Demo packages: no unit or open cycle for fixture {} {}, skipped", fixture.unitCode(), fixture.year());
        continue;
      }
      if (!cycle.get().templateCode().equals(fixture.templateCode())) {
        log.warn("Demo packages: {} {} is filled against {}, the fixture against {}", fixture.unitCode(),
            fixture.year(), cycle.get().templateCode(), fixture.templateCode());
      }
      DemoActors.Actor preparer = DemoActors.actor(Role.PREPARER, unit, unitsByCode.values());
      UUID id = preparer.call(() -> reports.create(fixture.unitCode(), fixture.year()).id());
      save(preparer, id, fixture.content());
      made.merge(Stage.DRAFT, 1, Integer::sum);
    }
    for (DemoPlan plan : DemoPlan.ALL) {
      Unit unit = unitsByCode.get(plan.unitCode());
      Optional<Cycle> cycle = unit == null ? Optional.empty() : cycles.findForUnit(unit.code(), unit.regionCode(), plan.year());
      if (cycle.isEmpty() || !cycle.get().templateCode().equals("NATIONAL_DEFAULT")) {
        log.info("Demo packages: no unit or national-default cycle for {} {}, skipped", plan.unitCode(), plan.year());
        continue;
      }
      Stage stage = new Walk(plan, unit, unitsByCode.values()).run();
      made.merge(stage, 1, Integer::sum);
    }
    return made;
  }

  /** One clean package on its way through the lifecycle. */
  private final class Walk {

    private final DemoPlan plan;
    private final Unit unit;
    private final DemoActors.Actor preparer;
    private final DemoActors.Actor head;
    private final DemoActors.Actor bureau;
    private final DemoActors.Actor finance;
    private UUID id;

    Walk(DemoPlan plan, Unit unit, java.util.Collection<Unit> all) {
      this.plan = plan;
      this.unit = unit;
      this.preparer = DemoActors.actor(Role.PREPARER, unit, all);
      this.head = DemoActors.actor(Role.UNIT_HEAD, unit, all);
      this.bureau = DemoActors.actor(Role.BUREAU_REVIEWER, unit, all);
      this.finance = DemoActors.actor(Role.FINANCE_REVIEWER, unit, all);
    }

    Stage run() {
      id = preparer.call(() -> reports.create(unit.code(), plan.year()).id());
      fillClean();
      if (plan.returnedByBureau()) {
        step(preparer, Outcome.APPROVE, null);
        step(head, Outcome.APPROVE, "已阅，同意报送");
        String task = claim(bureau);
        bureau.run(() -> {
          guidance.add(id, "overall.indicators[0]", "请核实走访慰问户数，并附走访花名册", false);
          guidance.add(id, "overall.funds[TOTAL]", "执行数请与年度决算报表核对一致", false);
          guidance.add(id, null, "自评报告请补充资金使用和管理情况的说明", false);
        });
        complete(bureau, task, Outcome.RETURN, "请按审核指导意见修改后重新提交");
        return stage();
      }
      for (Stage at = Stage.DRAFT; at != plan.target(); at = stage()) {
        switch (at) {
          case DRAFT -> step(preparer, Outcome.APPROVE, null);
          case UNIT_SIGN -> step(head, Outcome.APPROVE, "已阅，同意报送");
          case BUREAU_GUIDANCE -> step(bureau, Outcome.APPROVE, "同意，报送财政复核");
          case FINANCE_REVIEW -> {
            String task = claim(finance);
            scoreAsFinance();
            complete(finance, task, Outcome.APPROVE, "复核通过");
          }
          case DISCLOSURE -> {
            if (plan.approvedDaysAgo() > 0) {
              approvedDaysAgo(plan.approvedDaysAgo());
            }
            step(DemoActors.ADMIN, Outcome.APPROVE, null);
          }
          case PUBLISHED -> throw new IllegalStateException("past " + plan.target());
        }
      }
      if (plan.keepClaimed()) {
        // "My tasks": the reviewer has taken it and started (finance: review scores entered).
        claim(actorOf(plan.target()));
        if (plan.target() == Stage.FINANCE_REVIEW) {
          scoreAsFinance();
        }
      }
      return stage();
    }

    /**
     * The demo's story of a late publication: finance's approval (of the same version and content) is
     * recorded once more as of {@code days} ago, so publication — which rests on the latest approval —
     * and the dashboard count the 20 days from then. Demo data only: real approvals are dated by the database.
     */
    private void approvedDaysAgo(int days) {
      jdbc.sql("""
          insert into jixiao.approval (report_id, version, content_hash, approved_by, approved_at)
          select report_id, version, content_hash, approved_by, now() - :days * interval '1 day'
            from jixiao.approval where report_id = :id order by id desc limit 1
          """).param("id", id).param("days", days).update();
    }

    private DemoActors.Actor actorOf(Stage stage) {
      return switch (stage) {
        case DRAFT -> preparer;
        case UNIT_SIGN -> head;
        case BUREAU_GUIDANCE -> bureau;
        case FINANCE_REVIEW -> finance;
        default -> DemoActors.ADMIN;
      };
    }

    private void scoreAsFinance() {
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      scores.put("overall.funds[TOTAL]", new BigDecimal("10"));
      scores.put("overall.indicators[0]", new BigDecimal("46"));
      scores.put("overall.indicators[1]", new BigDecimal("28"));
      scores.put("overall.indicators[2]", new BigDecimal("9"));
      finance.run(() -> reviewScores.enter(id, scores, null, false));
    }

    /** The clean content, then its warnings acknowledged; any error is a mistake in this class. */
    private void fillClean() {
      ReportContent content = DemoContent.clean(json, unit, plan.year());
      save(preparer, id, content);
      List<Finding> findings = preparer.call(() -> reports.snapshot(id).evaluation().findings());
      List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        throw new IllegalStateException("demo package " + unit.code() + " " + plan.year() + " has errors: " + errors);
      }
      if (!findings.isEmpty()) {
        List<Acknowledgement> acknowledgements = findings.stream()
            .map(f -> new Acknowledgement(f.key(), "已核实，情况属实")).toList();
        save(preparer, id, new ReportContent(content.basicData(), content.overall(), content.narrative(),
            content.projects(), content.filling(), acknowledgements));
      }
    }

    private void step(DemoActors.Actor actor, Outcome outcome, String comment) {
      complete(actor, claim(actor), outcome, comment);
    }

    private String claim(DemoActors.Actor actor) {
      String task = actor.call(() -> taskOf(actor, id, unit.code(), plan.year()));
      actor.run(() -> claims.claim(task, null));
      return task;
    }

    private void complete(DemoActors.Actor actor, String task, Outcome outcome, String comment) {
      // Each step names the version its actor has just read: the latest one.
      actor.run(() -> completion.complete(new CompleteTask.Step(task, outcome, comment, null,
          reports.find(id).latestVersion(), false)));
    }

    private Stage stage() {
      return DemoActors.ADMIN.call(() -> reports.stageOf(reports.find(id)));
    }
  }

  /** The open task of a package, from the acting user's own queue (so they could see and claim it). */
  private String taskOf(DemoActors.Actor actor, UUID reportId, String unitCode, int year) {
    Set<Grant> grants = actor.units().stream().map(u -> new Grant(actor.role(), u)).collect(Collectors.toSet());
    var page = openTasks.find(actor.username(), grants, actor.role() == Role.ADMIN,
        OpenTasks.Queue.BOTH, new OpenTasks.Filter(null, year, unitCode, null), null, 20);
    return page.items().stream().filter(t -> t.reportId().equals(reportId)).map(OpenTask::id).findFirst()
        .orElseThrow(() -> new IllegalStateException(actor.username() + " has no task for " + unitCode + " " + year));
  }

  private void save(DemoActors.Actor actor, UUID id, ReportContent content) {
    actor.run(() -> {
      Report report = reports.find(id);
      reports.save(id, report.latestVersion(), content);
    });
  }

  /** The seed fixtures packaged from src/test/resources/fixtures (see pom.xml), in file order. */
  List<DemoContent.Fixture> fixtures() {
    return DemoContent.fixtures(json);
  }
}
