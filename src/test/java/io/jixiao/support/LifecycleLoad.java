package io.jixiao.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lifecycle traffic over the API from several client threads, each taking packages of its own
 * through every stage (creation, saves, warnings acknowledged, claims, submissions, signatures,
 * returns, approval, publication, a correction) and spreading its requests over the given nodes.
 * A worker reads where its package stands before every step, so a step whose answer was lost
 * (node killed) is not repeated blindly. What the server acknowledged (a 2xx) goes to the
 * ledger {@link #acks()}, for {@link Consistency} to find in the database afterwards.
 */
public final class LifecycleLoad {

  /** Every demo unit. */
  public static final List<String> UNITS = List.of("xintian-jsx", "xintian-fyjk", "lingling-jsx", "lingling-fyjk",
      "gaocheng-jsx", "qiannan-jsx");
  /** Years no demo package uses, each with an open cycle ({@link #openCycles}); one package per unit and year. */
  public static final int FIRST_YEAR = 2030;
  public static final int LAST_YEAR = 2100;

  public enum Kind { CREATED, SAVED, CLAIMED, TRANSITION, CORRECTION }

  /** One acknowledged step: the package, and the task, stages or version the answer named. */
  public record Ack(Kind kind, String reportId, String taskId, String from, String to, int version) {}

  private static final Map<String, String> ACTOR_ROLE = Map.of(
      "DRAFT", "preparer", "UNIT_SIGN", "unit-head", "BUREAU_GUIDANCE", "bureau-reviewer",
      "FINANCE_REVIEW", "finance-reviewer", "DISCLOSURE", "admin");

  private final List<NodeClient> nodes;
  private final JsonMapper json;
  private final String userPrefix;
  private final List<String> units;
  private final AtomicInteger slots = new AtomicInteger();
  private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
  private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
  private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inDoubt = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private final Set<String> packages = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  /**
   * @param userPrefix names this load's users ({@code <prefix>.preparer} …, holding {@code units})
   * @param units      the units whose packages it makes, {@link #FIRST_YEAR} on
   */
  public LifecycleLoad(List<NodeClient> nodes, JsonMapper json, String userPrefix, List<String> units) {
    this.nodes = List.copyOf(nodes);
    this.json = json;
    this.userPrefix = userPrefix;
    this.units = List.copyOf(units);
  }

  /** Opens a cycle for every demo region and load year. */
  public static void openCycles(JdbcClient jdbc) {
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due)
        select r.code, y, 'NATIONAL_DEFAULT', make_date(y + 1, 3, 31)
          from jixiao.region r, generate_series(:first, :last) y
        on conflict do nothing
        """).param("first", FIRST_YEAR).param("last", LAST_YEAR).update();
  }

  public synchronized void start(int threads) {
    running = true;
    for (int i = 0; i < threads; i++) {
      int index = i;
      Thread worker = new Thread(() -> work(index), "load-" + userPrefix + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Stops the workers after their current request. */
  public synchronized void stop() throws InterruptedException {
    running = false;
    for (Thread worker : workers) {
      worker.join(120_000);
    }
    workers.clear();
  }

  public List<Ack> acks() {
    return List.copyOf(acks);
  }

  public Map<Kind, Integer> ackCounts() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    acks.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
    return counts;
  }

  /** Steps sent whose answer never came (the node died meanwhile): done or not, the database says. */
  public int inDoubt() {
    return inDoubt.get();
  }

  /** 4xx answers to steps, with their bodies. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** 5xx answers to anything, with their bodies. */
  public List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  public Set<String> packages() {
    return Set.copyOf(packages);
  }

  private String token(String role) {
    String user = userPrefix + "." + role;
    return role.equals("admin") ? TestTokens.forUser(user, role) : TestTokens.forUser(user, role, units.toArray(String[]::new));
  }

  /** A package this worker is taking through the lifecycle; id null while its creation is in doubt. */
  private static final class Pkg {
    String id;
    final String unit;
    final int year;
    int corrections;
    boolean editAfterReturn;

    Pkg(String id, String unit, int year) {
      this.id = id;
      this.unit = unit;
      this.year = year;
    }
  }

  private void work(int index) {
    Random random = new Random(31L * index + userPrefix.hashCode());
    Pkg pkg = null;
    int request = index;
    while (running) {
      NodeClient node = nodes.get(request++ % nodes.size());
      Step step = new Step(node);
      try {
        if (pkg == null) {
          pkg = create(step);
          if (pkg == null) {
            return; // no years left
          }
        } else if (pkg.id == null) {
          pkg = find(step, pkg);
        } else if (!advance(step, pkg, random)) {
          pkg = null;
        }
      } catch (IOException failure) {
        IOException e = failure;
        if (failure instanceof InDoubtCreation doubt) {
          pkg = doubt.pkg;
          e = (IOException) doubt.getCause();
        }
        boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
            || e.getCause() instanceof ConnectException;
        if (step.mutating && !neverSent) {
          inDoubt.incrementAndGet();
        }
        pause(neverSent ? 200 : 50);
      }
    }
  }

  /** One request at a time to one node; remembers whether it was a step (not a read) in flight. */
  private final class Step {
    final NodeClient node;
    boolean mutating;

    Step(NodeClient node) {
      this.node = node;
    }

    NodeClient.Response read(String role, String path) throws IOException {
      mutating = false;
      NodeClient.Response response = node.get(token(role), path);
      if (response.status() >= 500) {
        serverErrors.add(node.node().name() + " GET " + path + " → " + response.status() + " " + response.body());
      }
      return response;
    }

    NodeClient.Response write(String role, String method, String path, Object body, String ifMatch) throws IOException {
      mutating = true;
      NodeClient.Response response = node.call(token(role), method, path, body, ifMatch);
      mutating = false;
      if (response.status() >= 500) {
        serverErrors.add(node.node().name() + " " + method + " " + path + " → " + response.status() + " " + response.body());
      } else if (!response.ok()) {
        refusals.add(node.node().name() + " " + method + " " + path + " → " + response.status() + " " + response.body());
      }
      return response;
    }
  }

  private Pkg create(Step step) throws IOException {
    int slot = slots.getAndIncrement();
    int year = FIRST_YEAR + slot / units.size();
    if (year > LAST_YEAR) {
      return null;
    }
    Pkg pkg = new Pkg(null, units.get(slot % units.size()), year);
    try {
      NodeClient.Response created = step.write("preparer", "POST", "/api/reports",
          Map.of("unitCode", pkg.unit, "year", pkg.year), null);
      if (created.ok()) {
        pkg.id = created.body().get("id").asString();
        packages.add(pkg.id);
        acks.add(new Ack(Kind.CREATED, pkg.id, null, null, "DRAFT", 1));
      }
      return pkg; // id null: look it up (a 409 means an earlier, unanswered attempt made it)
    } catch (IOException e) {
      if (step.mutating) {
        throw new InDoubtCreation(pkg, e);
      }
      throw e;
    }
  }

  /** An unanswered creation: the worker looks for the package before making another. */
  private static final class InDoubtCreation extends IOException {
    final transient Pkg pkg;

    InDoubtCreation(Pkg pkg, IOException cause) {
      super(cause);
      this.pkg = pkg;
    }
  }

  private Pkg find(Step step, Pkg pkg) throws IOException {
    NodeClient.Response list = step.read("preparer", "/api/reports?year=" + pkg.year + "&unitCode=" + pkg.unit);
    if (!list.ok()) {
      return pkg;
    }
    JsonNode items = list.body().isArray() ? list.body() : list.body().path("items");
    for (JsonNode item : items) {
      pkg.id = item.get("id").asString();
      packages.add(pkg.id);
      return pkg;
    }
    return null; // it was never made: take the next slot
  }

  /** One step for the package; false once it is done with (published and corrected once). */
  private boolean advance(Step step, Pkg pkg, Random random) throws IOException {
    NodeClient.Response state = step.read("preparer", "/api/reports/" + pkg.id + "/lifecycle");
    if (!state.ok()) {
      if (state.status() < 500) {
        refusals.add("GET lifecycle of " + pkg.id + " → " + state.status() + " " + state.body());
      }
      return state.status() >= 500; // retry after a server error; give up on a refusal
    }
    String stage = state.body().get("stage").asString();
    String taskId = state.body().path("taskId").asString(null);
    String assignee = state.body().path("assignee").asString(null);
    if (stage.equals("PUBLISHED")) {
      if (pkg.corrections > 0) {
        return false;
      }
      pkg.corrections++;
      NodeClient.Response done = step.write("preparer", "POST", "/api/reports/" + pkg.id + "/corrections",
          Map.of("reason", "更正：核对执行数"), null);
      if (done.ok()) {
        acks.add(new Ack(Kind.CORRECTION, pkg.id, null, "PUBLISHED", "DRAFT", 0));
      }
      return true;
    }
    String role = ACTOR_ROLE.get(stage);
    if (stage.equals("DRAFT") && assignee == null && saveIfNeeded(step, pkg)) {
      return true;
    }
    String me = userPrefix + "." + role;
    if (assignee == null) {
      NodeClient.Response claimed = step.write(role, "POST", "/api/tasks/" + taskId + "/claim", null, null);
      if (claimed.ok()) {
        acks.add(new Ack(Kind.CLAIMED, pkg.id, taskId, stage, stage, 0));
      }
      return claimed.ok() || claimed.status() >= 500;
    }
    if (!assignee.equals(me)) {
      refusals.add("task " + taskId + " of " + pkg.id + " held by " + assignee);
      return false;
    }
    boolean giveBack = !stage.equals("DRAFT") && random.nextInt(100) < 15;
    String returnTo = giveBack && stage.equals("FINANCE_REVIEW") && random.nextBoolean() ? "BUREAU_GUIDANCE" : null;
    if (giveBack && stage.equals("FINANCE_REVIEW") && returnTo == null) {
      returnTo = "DRAFT";
    }
    NodeClient.Response completed = step.write(role, "POST", "/api/tasks/" + taskId + "/complete",
        NodeClient.completion(giveBack ? "RETURN" : "APPROVE", giveBack ? "请补充说明" : "同意", returnTo,
            state.body().get("latestVersion").asInt()), null);
    if (completed.ok()) {
      String to = completed.body().get("to").asString();
      acks.add(new Ack(Kind.TRANSITION, pkg.id, taskId, completed.body().get("from").asString(), to, 0));
      pkg.editAfterReturn = to.equals("DRAFT");
    }
    return completed.ok() || completed.status() >= 500;
  }

  /** In DRAFT before claiming: fill a fresh package, acknowledge its warnings, edit after a return. True if it saved. */
  private boolean saveIfNeeded(Step step, Pkg pkg) throws IOException {
    NodeClient.Response view = step.read("preparer", "/api/reports/" + pkg.id);
    if (!view.ok()) {
      return false;
    }
    int version = view.body().get("version").asInt();
    ObjectNode content = (ObjectNode) view.body().deepCopy();
    content.retain("basicData", "overall", "narrative", "projects", "filling", "acknowledgements");
    boolean fresh = view.body().path("overall").path("indicators").isEmpty();
    Set<String> acknowledged = new HashSet<>();
    view.body().path("acknowledgements").forEach(a -> acknowledged.add(a.path("findingKey").asString()));
    List<String> warnings = new ArrayList<>();
    for (JsonNode finding : view.body().path("findings")) {
      String key = finding.get("code").asString() + "@" + finding.get("path").asString();
      if (finding.get("severity").asString().equals("ERROR")) {
        if (!fresh) { // a fresh package is empty, so incomplete: it is filled next
          refusals.add(pkg.id + " has an error finding " + key);
        }
      } else if (!acknowledged.contains(key)) {
        warnings.add(key);
      }
    }
    if (fresh) {
      content = (ObjectNode) json.readTree(Packages.CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(pkg.year + 1)));
    } else if (!warnings.isEmpty()) {
      var list = content.withArray("acknowledgements");
      warnings.forEach(key -> list.addObject().put("findingKey", key).put("note", "已核实"));
    } else if (pkg.editAfterReturn) {
      ((ObjectNode) content.withObject("filling")).put("date", LocalDate.of(pkg.year + 1, 3, 2).toString());
    } else {
      return false;
    }
    NodeClient.Response saved = step.write("preparer", "PUT", "/api/reports/" + pkg.id, content.toString(),
        "\"" + version + "\"");
    if (saved.ok()) {
      acks.add(new Ack(Kind.SAVED, pkg.id, null, null, null, saved.body().get("version").asInt()));
      if (!fresh && warnings.isEmpty()) {
        pkg.editAfterReturn = false;
      }
    }
    return true;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
