package io.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.OK;
import static org.springframework.http.HttpStatus.PRECONDITION_REQUIRED;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Steps name the version their actor read, and one person never both submits and signs the same content. */
@ApiTest
class StepRulesTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  @Test
  void aStepOnContentMustNameTheVersionReadAndItMustBeTheLatest() {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    Api preparer = packages.preparer();
    String task = packages.claim(preparer, id);
    int version = packages.version(id);

    JsonNode missing = preparer.post(PRECONDITION_REQUIRED, Map.of("outcome", "APPROVE"), "/api/tasks/{t}/complete", task);
    assertThat(missing.get("type").asString()).isEqualTo("urn:jixiao:problem:version-required");
    JsonNode stale = preparer.post(CONFLICT, Map.of("outcome", "APPROVE", "version", version - 1),
        "/api/tasks/{t}/complete", task);
    assertThat(stale.get("type").asString()).isEqualTo("urn:jixiao:problem:stale-version");
    assertThat(stale.get("currentVersion").asInt()).isEqualTo(version);
    // If-Match works as well as the body field, and the two may not disagree.
    preparer.post(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of("outcome", "APPROVE", "version", version), h -> h.setIfMatch("\"" + (version - 1) + "\""),
        "/api/tasks/{t}/complete", task);
    assertThat(packages.stage(id)).isEqualTo(Stage.DRAFT);
    preparer.post(OK, Map.of("outcome", "APPROVE"), h -> h.setIfMatch("\"" + version + "\""), "/api/tasks/{t}/complete", task);
    assertThat(packages.stage(id)).isEqualTo(Stage.UNIT_SIGN);

    // The head read version N; had anything changed since, the signature would be refused, so it names N.
    Api head = packages.actor(Role.UNIT_HEAD);
    String sign = packages.claim(head, id);
    head.post(CONFLICT, Map.of("outcome", "APPROVE", "version", version + 1), "/api/tasks/{t}/complete", sign);
    head.post(OK, Map.of("outcome", "APPROVE", "version", version), "/api/tasks/{t}/complete", sign);
    JsonNode signature = preparer.get("/api/reports/{id}/lifecycle", id).get("signature");
    assertThat(signature.get("version").asInt()).isEqualTo(version);
  }

  @Test
  void whoeverSubmittedAVersionCannotSignIt() {
    int year = Packages.freshYear(jdbc);
    // A small unit: one person holds both the preparer's and the head's grant.
    Api both = Api.as(http, json, TestTokens.withGrants("xintian.both", "preparer:" + Packages.UNIT,
        "unit-head:" + Packages.UNIT));
    String id = packages.createFilled(year);
    String task = packages.claim(both, id);
    both.post(OK, Map.of("outcome", "APPROVE", "version", packages.version(id)), "/api/tasks/{t}/complete", task);
    String sign = packages.claim(both, id);
    JsonNode refused = both.post(FORBIDDEN, Map.of("outcome", "APPROVE", "version", packages.version(id)),
        "/api/tasks/{t}/complete", sign);
    assertThat(refused.get("type").asString()).isEqualTo("urn:jixiao:problem:separation-of-duties");
    assertThat(packages.stage(id)).isEqualTo(Stage.UNIT_SIGN);
    both.post(OK, null, "/api/tasks/{t}/unclaim", sign);
    packages.approve(id);
    assertThat(packages.stage(id)).isEqualTo(Stage.BUREAU_GUIDANCE);
  }

  @Test
  void aHeadWhoWroteTheVersionSignsItOnlyWhereTheCycleAllows() {
    int year = Packages.freshYear(jdbc);
    Api both = Api.as(http, json, TestTokens.withGrants("xintian.both2", "preparer:" + Packages.UNIT,
        "unit-head:" + Packages.UNIT));
    String id = packages.createFilled(year);
    // The head-who-prepares writes the last version; the regular preparer submits it.
    ObjectNode content = packages.contentOf(id);
    ((ObjectNode) content.get("overall")).put("title", "新田县计划生育协会（负责人修订）");
    both.put(OK, content.toString(), h -> h.setIfMatch(packages.eTag(id)), "/api/reports/{id}", id);
    packages.approve(id);
    String sign = packages.claim(both, id);
    Map<String, Object> approve = Map.of("outcome", "APPROVE", "version", packages.version(id));
    assertThat(both.post(FORBIDDEN, approve, "/api/tasks/{t}/complete", sign).get("type").asString())
        .isEqualTo("urn:jixiao:problem:separation-of-duties");
    jdbc.sql("update jixiao.cycle set head_may_prepare = true where region_code = 'xintian' and year = :y")
        .param("y", year).update();
    both.post(OK, approve, "/api/tasks/{t}/complete", sign);
    assertThat(packages.stage(id)).isEqualTo(Stage.BUREAU_GUIDANCE);
  }

  @Test
  void aRoleHoldsOnlyInTheUnitsOfItsMembership() {
    // xintian.dual prepares for xintian-fyjk and reviews xintian-jsx for the bureau: never prepares for xintian-jsx.
    Api dual = Api.as(http, json, TestTokens.of(io.jixiao.support.DemoUser.DUAL));
    String id = packages.createFilled(Packages.freshYear(jdbc));
    String draft = packages.taskOf(id);
    dual.post(FORBIDDEN, null, "/api/tasks/{t}/claim", draft);
    dual.put(FORBIDDEN, packages.contentOf(id).toString(), h -> h.setIfMatch(packages.eTag(id)), "/api/reports/{id}", id);
    packages.advanceTo(id, Stage.BUREAU_GUIDANCE);
    String guidance = packages.taskOf(id);
    dual.post(OK, null, "/api/tasks/{t}/claim", guidance);
    dual.post(OK, Map.of("outcome", "APPROVE", "version", packages.version(id)), "/api/tasks/{t}/complete", guidance);
    assertThat(packages.stage(id)).isEqualTo(Stage.FINANCE_REVIEW);
  }

  @Test
  void anAdministratorReassignsOnlyToSomeoneEligibleForTheTask() {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    String task = packages.taskOf(id);
    Api admin = packages.actor(Role.ADMIN);
    for (String wrong : new String[] {"nobody.at.all", "xintian.head", "lingling.preparer", "xintian.dual"}) {
      JsonNode refused = admin.post(CONFLICT, Map.of("assignee", wrong), "/api/tasks/{t}/reassign", task);
      assertThat(refused.get("type").asString()).as(wrong).isEqualTo("urn:jixiao:problem:not-eligible");
    }
    assertThat(preparerTasks()).doesNotContain(task);
    admin.post(OK, Map.of("assignee", "xintian.preparer"), "/api/tasks/{t}/reassign", task);
    assertThat(preparerTasks()).contains(task);
    assertThat(packages.preparer().get("/api/reports/{id}/history", id).valueStream()
        .filter(e -> e.get("kind").asString().equals("REASSIGNED")).count()).isEqualTo(1);
    // Not the administrator's to hand out: a preparer cannot reassign.
    packages.preparer().post(FORBIDDEN, Map.of("assignee", "xintian.preparer"), "/api/tasks/{t}/reassign", task);
  }

  java.util.List<String> preparerTasks() {
    return packages.preparer().get("/api/tasks?assigned=me&size=200").get("items").valueStream()
        .map(t -> t.get("id").asString()).toList();
  }
}
