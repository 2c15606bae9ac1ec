package io.jixiao.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.jixiao.cycle.Cycle;
import io.jixiao.cycle.CycleRepository;
import io.jixiao.form.Acknowledgement;
import io.jixiao.form.Finding;
import io.jixiao.form.ReportContent;
import io.jixiao.form.Severity;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.unit.Unit;
import io.jixiao.unit.UnitRepository;
import io.jixiao.unit.UnitScope;
import io.jixiao.workflow.Guidance;
import io.jixiao.workflow.Lifecycle;
import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

  static final String FIXTURES = "classpath*:demo/fixtures/*.json";

  /** Who acts: a username with one realm role and the units their token lists (none for the administrator). */
  record Actor(String username, Role role, List<String> units) {

    <T> T call(Supplier<T> action) {
      return RunAs.call(username, role, units, action);
    }

    void run(Runnable action) {
      RunAs.run(username, role, units, action);
    }
  }

  /** The realm's demo users (realm/jixiao-users-0.json). */
  static final List<Actor> REALM_USERS = List.of(
      new Actor("xintian.preparer", Role.PREPARER, List.of("xintian-jsx")),
      new Actor("xintian.head", Role.UNIT_HEAD, List.of("xintian-jsx")),
      new Actor("xintian.bureau", Role.BUREAU_REVIEWER, List.of("xintian-jsx", "xintian-fyjk")),
      new Actor("xintian.finance", Role.FINANCE_REVIEWER, List.of("xintian-jsx", "xintian-fyjk")),
      new Actor("lingling.preparer", Role.PREPARER, List.of("lingling-jsx")),
      new Actor("lingling.head", Role.UNIT_HEAD, List.of("lingling-jsx")),
      new Actor("lingling.bureau", Role.BUREAU_REVIEWER, List.of("lingling-jsx", "lingling-fyjk")),
      new Actor("lingling.finance", Role.FINANCE_REVIEWER, List.of("lingling-jsx", "lingling-fyjk")),
      new Actor("gaocheng.preparer", Role.PREPARER, List.of("gaocheng-jsx")),
      new Actor("qiannan.preparer", Role.PREPARER, List.of("qiannan-jsx")),
      new Actor("admin", Role.ADMIN, List.of()));

  static final Actor ADMIN = REALM_USERS.get(REALM_USERS.size() - 1);

  /**
   * A clean package to take to {@code target}. {@code returnedByBureau}: to the bureau and back to
   * the draft with comments; {@code keepClaimed}: the target stage's task stays with its reviewer.
   */
  record Plan(String unitCode, int year, Stage target, boolean returnedByBureau, boolean keepClaimed) {

    static Plan to(String unitCode, int year, Stage target) {
      return new Plan(unitCode, year, target, false, false);
    }
  }

  /** Years clear of the fixtures' (lingling-jsx 2022, xintian-jsx 2021 and 2022). */
  static final List<Plan> PLANS = List.of(
      Plan.to("xintian-jsx", 2023, Stage.UNIT_SIGN),
      new Plan("xintian-jsx", 2024, Stage.DRAFT, true, false),
      Plan.to("xintian-jsx", 2025, Stage.PUBLISHED),
      Plan.to("xintian-fyjk", 2023, Stage.BUREAU_GUIDANCE),
      new Plan("xintian-fyjk", 2024, Stage.FINANCE_REVIEW, false, true),
      Plan.to("xintian-fyjk", 2025, Stage.DISCLOSURE),
      Plan.to("lingling-jsx", 2023, Stage.UNIT_SIGN),
      Plan.to("lingling-jsx", 2024, Stage.FINANCE_REVIEW),
      Plan.to("lingling-fyjk", 2023, Stage.BUREAU_GUIDANCE),
      Plan.to("lingling-fyjk", 2024, Stage.DISCLOSURE));

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Fixture(String unitCode, int year, String templateCode, ReportContent content) {}

  private final ReportService reports;
  private final Lifecycle lifecycle;
  private final Guidance guidance;
  private final OpenTasks openTasks;
  private final CycleRepository cycles;
  private final UnitRepository units;
  private final JsonMapper json;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  DemoPackages(ReportService reports, Lifecycle lifecycle, Guidance guidance, OpenTasks openTasks,
      CycleRepository cycles, UnitRepository units, JsonMapper json, PlatformTransactionManager transactions,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.lifecycle = lifecycle;
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
    return ADMIN.call(() -> reports.list(null, null).isEmpty());
  }

  /** Creates everything; the counts of packages by stage. */
  Map<Stage, Integer> create() {
    Map<String, Unit> unitsByCode = new LinkedHashMap<>();
    units.findAll(UnitScope.ALL).forEach(unit -> unitsByCode.put(unit.code(), unit));
    Map<Stage, Integer> made = new EnumMap<>(Stage.class);
    for (Fixture fixture : fixtures()) {
      Unit unit = unitsByCode.get(fixture.unitCode());
      Optional<Cycle> cycle = unit == null ? Optional.empty() : cycles.find(unit.regionCode(), fixture.year());
      if (cycle.isEmpty()) {
        log.info("Demo packages: no unit or open cycle for fixture {} {}, skipped", fixture.unitCode(), fixture.year());
        continue;
      }
      if (!cycle.get().templateCode().equals(fixture.templateCode())) {
        log.warn("Demo packages: {} {} is filled against {}, the fixture against {}", fixture.unitCode(),
            fixture.year(), cycle.get().templateCode(), fixture.templateCode());
      }
      Actor preparer = actor(Role.PREPARER, unit, unitsByCode.values());
      UUID id = preparer.call(() -> reports.create(fixture.unitCode(), fixture.year()).id());
      save(preparer, id, fixture.content());
      made.merge(Stage.DRAFT, 1, Integer::sum);
    }
    for (Plan plan : PLANS) {
      Unit unit = unitsByCode.get(plan.unitCode());
      Optional<Cycle> cycle = unit == null ? Optional.empty() : cycles.find(unit.regionCode(), plan.year());
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

    private final Plan plan;
    private final Unit unit;
    private final Actor preparer;
    private final Actor head;
    private final Actor bureau;
    private final Actor finance;
    private UUID id;

    Walk(Plan plan, Unit unit, java.util.Collection<Unit> all) {
      this.plan = plan;
      this.unit = unit;
      this.preparer = actor(Role.PREPARER, unit, all);
      this.head = actor(Role.UNIT_HEAD, unit, all);
      this.bureau = actor(Role.BUREAU_REVIEWER, unit, all);
      this.finance = actor(Role.FINANCE_REVIEWER, unit, all);
    }

    Stage run() {
      id = preparer.call(() -> reports.create(unit.code(), plan.year()).id());
      fillClean();
      if (plan.returnedByBureau()) {
        step(preparer, Outcome.APPROVE, null);
        step(head, Outcome.APPROVE, "已阅，同意报送");
        String task = claim(bureau);
        bureau.run(() -> {
          guidance.add(id, "overall.indicators[0]", "请核实走访慰问户数，并附走访花名册");
          guidance.add(id, "overall.funds[TOTAL]", "执行数请与年度决算报表核对一致");
          guidance.add(id, null, "自评报告请补充资金使用和管理情况的说明");
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
          case DISCLOSURE -> step(ADMIN, Outcome.APPROVE, null);
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

    private Actor actorOf(Stage stage) {
      return switch (stage) {
        case DRAFT -> preparer;
        case UNIT_SIGN -> head;
        case BUREAU_GUIDANCE -> bureau;
        case FINANCE_REVIEW -> finance;
        default -> ADMIN;
      };
    }

    private void scoreAsFinance() {
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      scores.put("overall.funds[TOTAL]", new BigDecimal("10"));
      scores.put("overall.indicators[0]", new BigDecimal("46"));
      scores.put("overall.indicators[1]", new BigDecimal("28"));
      scores.put("overall.indicators[2]", new BigDecimal("9"));
      finance.run(() -> lifecycle.enterReviewScores(id, scores));
    }

    /** The clean content, then its warnings acknowledged; any error is a mistake in this class. */
    private void fillClean() {
      ReportContent content = cleanContent(unit, plan.year());
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

    private void step(Actor actor, Outcome outcome, String comment) {
      complete(actor, claim(actor), outcome, comment);
    }

    private String claim(Actor actor) {
      String task = actor.call(() -> taskOf(actor, id, unit.code(), plan.year()));
      actor.run(() -> lifecycle.claim(task));
      return task;
    }

    private void complete(Actor actor, String task, Outcome outcome, String comment) {
      actor.run(() -> lifecycle.complete(task, outcome, comment, null));
    }

    private Stage stage() {
      return ADMIN.call(() -> lifecycle.stageOf(reports.find(id)));
    }
  }

  /** The open task of a package, from the acting user's own queue (so they could see and claim it). */
  private String taskOf(Actor actor, UUID reportId, String unitCode, int year) {
    var page = openTasks.find(actor.username(), Set.of(actor.role()), Set.copyOf(actor.units()),
        OpenTasks.Queue.BOTH, new OpenTasks.Filter(null, year, unitCode, null), 0, 20);
    return page.items().stream().filter(t -> t.reportId().equals(reportId)).map(OpenTask::id).findFirst()
        .orElseThrow(() -> new IllegalStateException(actor.username() + " has no task for " + unitCode + " " + year));
  }

  private void save(Actor actor, UUID id, ReportContent content) {
    actor.run(() -> {
      Report report = reports.find(id);
      reports.save(id, report.latestVersion(), content);
    });
  }

  /**
   * The realm user with this role for the unit, or a stand-in where the realm has none: the unit's
   * own {@code <unit>.preparer} / {@code .head}, the region's {@code <region>.bureau} / {@code .finance}.
   */
  static Actor actor(Role role, Unit unit, java.util.Collection<Unit> all) {
    if (role == Role.ADMIN) {
      return ADMIN;
    }
    for (Actor user : REALM_USERS) {
      if (user.role() == role && user.units().contains(unit.code())) {
        return user;
      }
    }
    return switch (role) {
      case PREPARER -> new Actor(unit.code() + ".preparer", role, List.of(unit.code()));
      case UNIT_HEAD -> new Actor(unit.code() + ".head", role, List.of(unit.code()));
      default -> new Actor(unit.regionCode() + (role == Role.BUREAU_REVIEWER ? ".bureau" : ".finance"), role,
          all.stream().filter(u -> u.regionCode().equals(unit.regionCode())).map(Unit::code).toList());
    };
  }

  /** The seed fixtures packaged from src/test/resources/fixtures (see pom.xml), in file order. */
  List<Fixture> fixtures() {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(FIXTURES);
      List<Resource> sorted = new ArrayList<>(Arrays.asList(files));
      sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
      List<Fixture> fixtures = new ArrayList<>();
      for (Resource file : sorted) {
        try (InputStream in = file.getInputStream()) {
          fixtures.add(json.readValue(in, Fixture.class));
        }
      }
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A package without errors for the unit and year (LifecycleTest's clean package, per unit):
   * weights add to 100, every figure consistent, filled in March of the following year.
   */
  ReportContent cleanContent(Unit unit, int year) {
    boolean maternal = unit.code().endsWith("-fyjk");
    String amount = maternal ? "2350000.00" : "1000000.00";
    String goals = maternal
        ? "{\"expected\":\"孕产妇系统管理率达到90%以上\",\"achieved\":\"孕产妇系统管理率93.5%\"}"
        : "{\"expected\":\"走访慰问240户\",\"achieved\":\"走访慰问240户\"}";
    String indicators = maternal
        ? """
          {"level1":"OUTPUT","level2":"数量指标","name":"孕产妇系统管理率","target":"≥90%","actual":"93.5%","weight":50,"selfScore":50},
          {"level1":"BENEFIT","level2":"社会效益指标","name":"儿童健康管理率","target":"≥90%","actual":"94%","weight":30,"selfScore":30},
          {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"服务对象满意度","target":"≥90%","actual":"95%","weight":10,"selfScore":10}
          """
        : """
          {"level1":"OUTPUT","level2":"数量指标","name":"走访慰问困难家庭","target":"≥240户","actual":"240户","weight":50,"selfScore":50},
          {"level1":"BENEFIT","level2":"社会效益指标","name":"困难家庭得到帮扶","target":"≥95%","actual":"98%","weight":30,"selfScore":30},
          {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"服务对象满意度","target":"≥90%","actual":"96%","weight":10,"selfScore":10}
          """;
    String text = """
        {"overall":{"title":%s,
          "funds":[{"line":"TOTAL","label":"年度资金总额","initialBudget":%s,"adjustedBudget":%s,"executed":%s,"weight":10,"selfScore":10},
                   {"line":"GENERAL_BUDGET","label":"一般公共预算","initialBudget":%s,"adjustedBudget":%s,"executed":%s}],
          "goals":[%s],
          "indicators":[%s]},
         "filling":{"preparer":"演示填表人","phone":"0746-0000000","date":"%d-03-01"}}
        """.formatted(json.writeValueAsString(unit.name()), amount, amount, amount, amount, amount, amount, goals,
        indicators, year + 1);
    return json.readValue(text, ReportContent.class);
  }
}
