package io.jixiao.bench;

import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.DemoUser;
import io.jixiao.support.Packages;
import io.jixiao.workflow.ClaimTask;
import io.jixiao.workflow.CompleteTask;
import io.jixiao.workflow.LifecycleQueries;
import io.jixiao.workflow.LifecycleState;
import io.jixiao.workflow.Outcome;
import io.jixiao.workflow.StartLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's lifecycle, two ways, per worker on a package of its own: the lifecycle use cases called
 * in this JVM as the acting users ({@link #service}), and the same steps over the REST API with
 * bearer tokens ({@link #rest}). One lifecycle = a start (更正 of the published package: a new process
 * instance, as bare Flowable's start) and, for each of the five stages, the package's state (its task
 * and version), a claim and an approval by the stage's own actor — what {@link BareFlowable} does.
 */
final class AppLifecycles {

  /** A unit with a demo user for every stage (the realm's users, so Keycloak issues their tokens). */
  record Chain(String unit, String region, String preparer, String head, String bureau, String finance) {
    String actor(Stage stage) {
      return switch (stage) {
        case DRAFT -> preparer;
        case UNIT_SIGN -> head;
        case BUREAU_GUIDANCE -> bureau;
        case FINANCE_REVIEW -> finance;
        default -> "admin";
      };
    }
  }

  static final List<Chain> CHAINS = List.of(
      new Chain("xintian-jsx", "xintian", "xintian.preparer", "xintian.head", "xintian.bureau", "xintian.finance"),
      new Chain("lingling-jsx", "lingling", "lingling.preparer", "lingling.head", "lingling.bureau", "lingling.finance"));

  static final List<Stage> STAGES = List.of(Stage.DRAFT, Stage.UNIT_SIGN, Stage.BUREAU_GUIDANCE, Stage.FINANCE_REVIEW,
      Stage.DISCLOSURE);

  private record Pkg(UUID id, Chain chain) {}

  private final BenchHttp http;
  private final Function<String, String> tokens;
  private final JsonMapper json;
  private final StartLifecycle start;
  private final LifecycleQueries queries;
  private final ReportService reports;
  private final ClaimTask claims;
  private final CompleteTask completion;
  private final List<Pkg> packages = new ArrayList<>();

  /** @param tokens a bearer token for a demo user (signed test tokens, or Keycloak's) */
  AppLifecycles(ApplicationContext context, BenchHttp http, Function<String, String> tokens) {
    this.http = http;
    this.tokens = tokens;
    this.json = context.getBean(JsonMapper.class);
    this.start = context.getBean(StartLifecycle.class);
    this.queries = context.getBean(LifecycleQueries.class);
    this.reports = context.getBean(ReportService.class);
    this.claims = context.getBean(ClaimTask.class);
    this.completion = context.getBean(CompleteTask.class);
  }

  /** One package per worker, in fresh years of the chains' units, filled, acknowledged and published once. */
  void prepare(int workers, JdbcClient jdbc) {
    for (int w = packages.size(); w < workers; w++) {
      Chain chain = CHAINS.get(w % CHAINS.size());
      int year = io.jixiao.support.Packages.freshYear(jdbc, chain.unit(), chain.region());
      String preparer = tokens.apply(chain.preparer());
      String id = http.send(preparer, "POST", "/api/reports", Map.of("unitCode", chain.unit(), "year", year)).get("id")
          .asString();
      JsonNode view = http.send(preparer, "GET", "/api/reports/" + id, null);
      ObjectNode content = (ObjectNode) json.readTree(Packages.CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(year + 1)));
      http.send(preparer, "PUT", "/api/reports/" + id, content.toString(), "\"" + view.get("version").asInt() + "\"");
      view = http.send(preparer, "GET", "/api/reports/" + id, null);
      var acknowledgements = content.putArray("acknowledgements");
      for (JsonNode finding : view.get("findings")) {
        acknowledgements.addObject().put("findingKey", finding.get("code").asString() + "@" + finding.get("path").asString())
            .put("note", "已核实");
      }
      http.send(preparer, "PUT", "/api/reports/" + id, content.toString(), "\"" + view.get("version").asInt() + "\"");
      Pkg pkg = new Pkg(UUID.fromString(id), chain);
      restStages(pkg);
      packages.add(pkg);
    }
  }

  /** The use cases in this JVM, as the acting users (their authentication as a token would give it). */
  void service(int worker) {
    Pkg pkg = packages.get(worker);
    as(pkg.chain().preparer(), () -> start.correct(pkg.id(), "基准测试：更正"));
    for (Stage stage : STAGES) {
      as(pkg.chain().actor(stage), () -> {
        LifecycleState state = queries.state(reports.find(pkg.id()));
        if (state.stage() != stage) {
          throw new IllegalStateException(pkg.id() + " at " + state.stage() + ", expected " + stage);
        }
        claims.claim(state.taskId(), null);
        return completion.complete(new CompleteTask.Step(state.taskId(), Outcome.APPROVE, comment(stage), null,
            state.latestVersion(), false));
      });
    }
  }

  /** The same steps over HTTP. */
  void rest(int worker) {
    Pkg pkg = packages.get(worker);
    http.send(tokens.apply(pkg.chain().preparer()), "POST", "/api/reports/" + pkg.id() + "/corrections",
        Map.of("reason", "基准测试：更正"));
    restStages(pkg);
  }

  private void restStages(Pkg pkg) {
    for (Stage stage : STAGES) {
      String token = tokens.apply(pkg.chain().actor(stage));
      JsonNode state = http.send(token, "GET", "/api/reports/" + pkg.id() + "/lifecycle", null);
      if (!state.get("stage").asString().equals(stage.name())) {
        throw new IllegalStateException(pkg.id() + " at " + state.get("stage") + ", expected " + stage);
      }
      String task = state.get("taskId").asString();
      http.send(token, "POST", "/api/tasks/" + task + "/claim", null);
      java.util.HashMap<String, Object> body = new java.util.HashMap<>();
      body.put("outcome", "APPROVE");
      body.put("comment", comment(stage));
      body.put("version", state.get("latestVersion").asInt());
      http.send(token, "POST", "/api/tasks/" + task + "/complete", body);
    }
  }

  private static String comment(Stage stage) {
    return stage == Stage.DRAFT ? null : "同意";
  }

  private static <T> T as(String username, java.util.function.Supplier<T> call) {
    DemoUser user = DemoUser.named(username);
    Role role = Role.ofRealmRole(user.role).orElseThrow();
    return RunAs.call(username, role, user.units, call);
  }
}
