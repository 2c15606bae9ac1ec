package io.jixiao.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CREATED;
import static org.springframework.http.HttpStatus.OK;

import io.jixiao.security.Role;
import io.jixiao.report.Stage;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives packages of one xintian unit through the lifecycle over the API, each step done by the
 * role whose step it is (as {@code LifecycleTest} does): the tokens may be signed test tokens or
 * real ones from Keycloak.
 */
public final class Packages {

  public static final String UNIT = "xintian-jsx";

  /** A package with no errors (weights add to 100, every number consistent); NEXT_YEAR is the filling year. */
  public static final String CLEAN_CONTENT = """
      {"overall":{"title":"新田县计划生育协会",
        "funds":[{"line":"TOTAL","label":"年度资金总额","initialBudget":1000000.00,"adjustedBudget":1000000.00,"executed":1000000.00,"weight":10,"selfScore":10},
                 {"line":"GENERAL_BUDGET","label":"一般公共预算","initialBudget":1000000.00,"adjustedBudget":1000000.00,"executed":1000000.00}],
        "goals":[{"expected":"走访慰问240户","achieved":"走访慰问240户"}],
        "indicators":[
          {"level1":"OUTPUT","level2":"数量指标","name":"走访慰问困难家庭","target":"≥240户","actual":"240户","weight":50,"selfScore":50},
          {"level1":"BENEFIT","level2":"社会效益指标","name":"困难家庭得到帮扶","target":"≥95%","actual":"98%","weight":30,"selfScore":30},
          {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"服务对象满意度","target":"≥90%","actual":"96%","weight":10,"selfScore":10}]},
       "narrative":[
         {"key":"basic","title":"一、基本情况","text":"新田县计划生育协会，编制5人。"},
         {"key":"performance","title":"六、部门整体支出绩效情况","text":"走访慰问困难家庭240户。"},
         {"key":"problems","title":"七、存在的问题及原因分析","text":"无。"},
         {"key":"improvements","title":"八、下一步改进措施","text":"加强绩效管理。"}],
       "filling":{"preparer":"肖桂芳","phone":"13874763461","date":"NEXT_YEAR-03-01"}}
      """;

  private final JsonMapper json;
  private final Map<Role, Api> actors;

  /** @param actors who does each stage's step: a preparer, unit head, bureau and finance reviewer of {@link #UNIT}, an administrator */
  public Packages(JsonMapper json, Map<Role, Api> actors) {
    this.json = json;
    this.actors = new EnumMap<>(actors);
    assertThat(this.actors.keySet()).containsExactlyInAnyOrder(Role.values());
  }

  /** The xintian demo users with signed test tokens. */
  public static Packages withTestTokens(RestTestClient http, JsonMapper json) {
    return new Packages(json, Map.of(
        Role.PREPARER, Api.as(http, json, TestTokens.of("xintian.preparer")),
        Role.UNIT_HEAD, Api.as(http, json, TestTokens.of("xintian.head")),
        Role.BUREAU_REVIEWER, Api.as(http, json, TestTokens.of("xintian.bureau")),
        Role.FINANCE_REVIEWER, Api.as(http, json, TestTokens.of("xintian.finance")),
        Role.ADMIN, Api.as(http, json, TestTokens.of("admin"))));
  }

  /**
   * The first year no package of {@link #UNIT} has yet — from 2030 to 2100, then 2000 to 2019, clear of
   * the seed and demo years — with an open xintian cycle: one package per unit and year. The first free
   * one, not the one after the highest: tests that take a year of their own (2081, …) leave gaps below.
   */
  public static int freshYear(JdbcClient jdbc) {
    return freshYear(jdbc, UNIT, "xintian");
  }

  /** As {@link #freshYear(JdbcClient)} for {@code unit} of {@code region}. */
  public static int freshYear(JdbcClient jdbc, String unit, String region) {
    int year = jdbc.sql("""
        select y from (select generate_series(2030, 2100) as y union all select generate_series(2000, 2019)) years
         where not exists (select 1 from jixiao.report r where r.unit_code = :u and r.year = years.y)
         order by y < 2030, y limit 1
        """).param("u", unit).query(Integer.class).optional()
        .orElseThrow(() -> new IllegalStateException("no year left for a package of " + unit));
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values (:r, :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("r", region).param("y", year).param("due", LocalDate.of(year + 1, 3, 31)).update();
    return year;
  }

  public Api actor(Role role) {
    return actors.get(role);
  }

  public Api preparer() {
    return actor(Role.PREPARER);
  }

  /** Creates the year's package, fills it with {@link #CLEAN_CONTENT} and acknowledges any warnings. */
  public String createFilled(int year) {
    String id = preparer().post(CREATED, Map.of("unitCode", UNIT, "year", year), "/api/reports").get("id").asString();
    save(id, (ObjectNode) json.readTree(CLEAN_CONTENT.replace("NEXT_YEAR", String.valueOf(year + 1))));
    JsonNode view = preparer().get("/api/reports/{id}", id);
    ObjectNode content = contentOf(id);
    var acknowledgements = content.putArray("acknowledgements");
    for (JsonNode finding : view.get("findings")) {
      assertThat(finding.get("severity").asString()).as(finding.toString()).isEqualTo("WARNING");
      acknowledgements.addObject().put("findingKey", finding.get("code").asString() + "@" + finding.get("path").asString())
          .put("note", "已核实");
    }
    save(id, content);
    return id;
  }

  public void save(String id, ObjectNode content) {
    preparer().put(OK, content.toString(), h -> h.setIfMatch(eTag(id)), "/api/reports/{id}", id);
  }

  public int version(String id) {
    return preparer().get("/api/reports/{id}", id).get("version").asInt();
  }

  public String eTag(String id) {
    return "\"" + version(id) + "\"";
  }

  /** The editable part of the package as a GET shows it, ready to PUT back. */
  public ObjectNode contentOf(String id) {
    ObjectNode view = (ObjectNode) preparer().get("/api/reports/{id}", id);
    view.retain("basicData", "overall", "narrative", "projects", "filling", "acknowledgements");
    return view;
  }

  public Stage stage(String id) {
    return Stage.valueOf(preparer().get("/api/reports/{id}/lifecycle", id).get("stage").asString());
  }

  public String taskOf(String id) {
    return preparer().get("/api/reports/{id}/lifecycle", id).get("taskId").asString();
  }

  public String claim(Api user, String id) {
    String task = taskOf(id);
    user.post(OK, null, "/api/tasks/{t}/claim", task);
    return task;
  }

  /** Completes {@code task}, naming the version of its package that {@code user} reads now. */
  public JsonNode complete(Api user, String task, String outcome, String comment, String returnTo) {
    return user.post(OK, completion(user, task, outcome, comment, returnTo), "/api/tasks/{t}/complete", task);
  }

  /** The body of a completion as a client that has just read the package sends it: with its version. */
  public Map<String, Object> completion(Api user, String task, String outcome, String comment, String returnTo) {
    Map<String, Object> body = new HashMap<>();
    body.put("outcome", outcome);
    body.put("comment", comment);
    body.put("returnTo", returnTo);
    body.put("version", versionSeenBy(user, task));
    return body;
  }

  /** The latest version of the package of a task the user holds; null if they hold no such task. */
  public Integer versionSeenBy(Api user, String task) {
    for (JsonNode item : user.get("/api/tasks?assigned=me&size=200").get("items")) {
      if (item.get("id").asString().equals(task)) {
        return user.get("/api/reports/{id}", item.get("reportId").asString()).get("version").asInt();
      }
    }
    return null;
  }

  /** The stage's own actor claims its task and passes it on. */
  public Stage approve(String id) {
    Stage stage = stage(id);
    Api actor = actor(stage.actor());
    JsonNode transition = complete(actor, claim(actor, id), "APPROVE", stage == Stage.DRAFT ? null : "同意", null);
    assertThat(transition.get("from").asString()).isEqualTo(stage.name());
    return Stage.valueOf(transition.get("to").asString());
  }

  /** Passes the package on, stage by stage, until it stands at {@code target}. */
  public void advanceTo(String id, Stage target) {
    for (int steps = 0; stage(id) != target; steps++) {
      assertThat(steps).as("%s never reaches %s", id, target).isLessThan(Stage.values().length);
      approve(id);
    }
  }
}
