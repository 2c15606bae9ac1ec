package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.http.HttpStatus.OK;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.DemoUser;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import io.jixiao.report.Stage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, over the real HTTP API with signed tokens: for a package standing at each
 * stage, every demo user tries every step, and gets exactly the status DOMAIN §7 gives them.
 * Then the ways in: missing, forged, expired and foreign tokens, and the browser chain's login redirect.
 */
@ApiTest
class AuthorizationApiTest {

  /** What a user tries to do to the package. */
  enum Op { READ, CLAIM, APPROVE, RETURN, PUT_CONTENT, COMMENT, REVIEW_SCORES }

  /**
   * Role/stage/step combinations that DOMAIN §7 allows, READ aside (every user of the unit may read
   * at every stage). Everything else is 403 for the unit's users and 404 for another region's.
   */
  static final Set<String> ALLOWED = Set.of(
      "PREPARER/DRAFT/CLAIM", "PREPARER/DRAFT/APPROVE", "PREPARER/DRAFT/PUT_CONTENT",
      "UNIT_HEAD/UNIT_SIGN/CLAIM", "UNIT_HEAD/UNIT_SIGN/APPROVE", "UNIT_HEAD/UNIT_SIGN/RETURN",
      "BUREAU_REVIEWER/BUREAU_GUIDANCE/CLAIM", "BUREAU_REVIEWER/BUREAU_GUIDANCE/APPROVE",
      "BUREAU_REVIEWER/BUREAU_GUIDANCE/RETURN", "BUREAU_REVIEWER/BUREAU_GUIDANCE/COMMENT",
      "FINANCE_REVIEWER/FINANCE_REVIEW/CLAIM", "FINANCE_REVIEWER/FINANCE_REVIEW/APPROVE",
      "FINANCE_REVIEWER/FINANCE_REVIEW/RETURN", "FINANCE_REVIEWER/FINANCE_REVIEW/COMMENT",
      "FINANCE_REVIEWER/FINANCE_REVIEW/REVIEW_SCORES",
      "ADMIN/DISCLOSURE/CLAIM", "ADMIN/DISCLOSURE/APPROVE", "ADMIN/DISCLOSURE/RETURN");

  /** A colleague with the same role and unit as each stage's actor, to hold the task first. */
  static final Map<Role, String[]> COLLEAGUES = Map.of(
      Role.PREPARER, new String[] {"xintian.preparer2", "preparer", Packages.UNIT},
      Role.UNIT_HEAD, new String[] {"xintian.head2", "unit-head", Packages.UNIT},
      Role.BUREAU_REVIEWER, new String[] {"xintian.bureau2", "bureau-reviewer", Packages.UNIT, "xintian-fyjk"},
      Role.FINANCE_REVIEWER, new String[] {"xintian.finance2", "finance-reviewer", Packages.UNIT, "xintian-fyjk"},
      Role.ADMIN, new String[] {"admin2", "admin"});

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  Api api(DemoUser user) {
    return Api.as(http, json, TestTokens.of(user.username));
  }

  static Role roleOf(DemoUser user) {
    return Role.ofRealmRole(user.role).orElseThrow();
  }

  static boolean lingling(DemoUser user) {
    return user.username.startsWith("lingling.");
  }

  /**
   * The status each demo user gets while a colleague of the stage's actor holds the task: what
   * their role may do is refused only because the task is taken (409) — comments too, which only
   * the task's holder writes.
   */
  static int expectedWhileHeldByColleague(DemoUser user, Stage stage, Op op) {
    if (lingling(user)) {
      return 404;
    }
    if (op == Op.READ) {
      return 200;
    }
    if (!ALLOWED.contains(roleOf(user) + "/" + stage + "/" + op)) {
      return 403;
    }
    return 409;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Stage.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
  void onlyTheStagesOwnRoleMayActAndOnlyOnTheTaskTheyHold(Stage stage) {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    packages.advanceTo(id, stage);
    String task = packages.taskOf(id);

    Role actorRole = stage.actor();
    String[] colleague = COLLEAGUES.get(actorRole);
    Api other = Api.as(http, json, TestTokens.forUser(colleague[0], colleague[1],
        Arrays.copyOfRange(colleague, 2, colleague.length)));
    other.post(OK, null, "/api/tasks/{t}/claim", task);

    Map<String, Integer> expected = new TreeMap<>();
    Map<String, Integer> actual = new TreeMap<>();
    for (DemoUser user : DemoUser.values()) {
      Api api = api(user);
      for (Op op : Op.values()) {
        String key = user.username + " " + op;
        expected.put(key, expectedWhileHeldByColleague(user, stage, op));
        actual.put(key, attempt(api, op, id, task));
      }
    }
    List<String> wrong = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k)))
        .map(k -> k + ": expected " + expected.get(k) + " but was " + actual.get(k)).toList();
    assertThat(wrong).as("statuses at %s while %s holds the task", stage, colleague[0]).isEmpty();
    assertThat(actual).hasSize(DemoUser.values().length * Op.values().length);
    assertThat(packages.stage(id)).isEqualTo(stage);

    // Released, the demo user of the stage's role takes it; now the colleague is the one refused.
    other.post(OK, null, "/api/tasks/{t}/unclaim", task);
    DemoUser actor = Arrays.stream(DemoUser.values())
        .filter(u -> !lingling(u) && roleOf(u) == actorRole).findFirst().orElseThrow();
    Api me = api(actor);
    assertThat(attempt(me, Op.APPROVE, id, task)).as("completing an unclaimed task").isEqualTo(409);
    assertThat(attempt(me, Op.CLAIM, id, task)).isEqualTo(200);
    assertThat(attempt(me, Op.CLAIM, id, task)).as("claiming one's own task again").isEqualTo(200);
    assertThat(attempt(other, Op.CLAIM, id, task)).isEqualTo(409);
    assertThat(attempt(other, Op.APPROVE, id, task)).isEqualTo(409);
    if (stage == Stage.DRAFT) {
      assertThat(attempt(other, Op.PUT_CONTENT, id, task)).isEqualTo(409);
      assertThat(attempt(me, Op.PUT_CONTENT, id, task)).isEqualTo(200);
    }
    if (stage == Stage.FINANCE_REVIEW) {
      assertThat(attempt(other, Op.REVIEW_SCORES, id, task)).isEqualTo(409);
      assertThat(attempt(me, Op.REVIEW_SCORES, id, task)).isEqualTo(200);
    }
    if (stage == Stage.BUREAU_GUIDANCE || stage == Stage.FINANCE_REVIEW) {
      assertThat(attempt(me, Op.COMMENT, id, task)).isEqualTo(201);
    }

    // The holder returns it (where a return exists) ...
    if (ALLOWED.contains(actorRole + "/" + stage + "/RETURN")) {
      assertThat(attempt(me, Op.RETURN, id, task)).isEqualTo(200);
      assertThat(packages.stage(id)).isEqualTo(stage == Stage.DISCLOSURE ? Stage.FINANCE_REVIEW : Stage.DRAFT);
      assertThat(attempt(me, Op.RETURN, id, task)).as("returning a finished task").isEqualTo(409);
      packages.advanceTo(id, stage);
      task = packages.taskOf(id);
      assertThat(attempt(me, Op.CLAIM, id, task)).isEqualTo(200);
    }
    // ... and passes it on.
    assertThat(attempt(me, Op.APPROVE, id, task)).isEqualTo(200);
    Stage next = Stage.values()[stage.ordinal() + 1];
    assertThat(packages.stage(id)).isEqualTo(next);

    if (next == Stage.PUBLISHED) {
      // Published: nobody changes or comments on it any more; another region still does not see it.
      for (DemoUser user : DemoUser.values()) {
        Api api = api(user);
        int refused = lingling(user) ? 404 : 403;
        assertThat(attempt(api, Op.PUT_CONTENT, id, null)).as(user.username).isEqualTo(refused);
        assertThat(attempt(api, Op.COMMENT, id, null)).as(user.username).isEqualTo(refused);
        assertThat(attempt(api, Op.READ, id, null)).as(user.username).isEqualTo(lingling(user) ? 404 : 200);
      }
    }
  }

  /** Tries one step and returns the status; nothing is asserted here. */
  int attempt(Api api, Op op, String id, String task) {
    return switch (op) {
      case READ -> api.status(GET, null, h -> { }, "/api/reports/{id}", id);
      case CLAIM -> api.status(POST, null, h -> { }, "/api/tasks/{t}/claim", task);
      case APPROVE -> api.status(POST, Map.of("outcome", "APPROVE", "comment", "同意", "version", packages.version(id)), h -> { },
          "/api/tasks/{t}/complete", task);
      case RETURN -> api.status(POST, Map.of("outcome", "RETURN", "comment", "请修改"), h -> { },
          "/api/tasks/{t}/complete", task);
      case PUT_CONTENT -> {
        String eTag = packages.eTag(id);
        yield api.status(PUT, packages.contentOf(id).toString(), h -> h.setIfMatch(eTag), "/api/reports/{id}", id);
      }
      case COMMENT -> api.status(POST, Map.of("path", "overall.indicators[0]", "body", "请核实走访户数"), h -> { },
          "/api/reports/{id}/comments", id);
      case REVIEW_SCORES -> api.status(PUT, Map.of("scores", Map.of("overall.indicators[0]", 45)), h -> { },
          "/api/reports/{id}/review-scores", id);
    };
  }

  @Test
  void theAdministratorNeverEditsContentEvenOfAnUnclaimedDraft() {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    Api admin = api(DemoUser.ADMIN);
    assertThat(attempt(admin, Op.PUT_CONTENT, id, null)).isEqualTo(403);
    assertThat(attempt(admin, Op.READ, id, null)).isEqualTo(200);
    // Not even by holding the task: the administrator cannot claim a draft.
    assertThat(attempt(admin, Op.CLAIM, id, packages.taskOf(id))).isEqualTo(403);
  }

  // ---- Tokens ----

  @Test
  void noTokenIs401WithAProblemBody() {
    var result = http.get().uri("/api/units").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith("application/problem+json")
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody().returnResult();
    JsonNode problem = json.readTree(result.getResponseBody());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("type").asString()).isEqualTo("urn:jixiao:problem:unauthorized");
    assertThat(problem.get("title").asString()).isNotBlank();
  }

  @Test
  void aValidTestTokenIsAccepted() {
    assertThat(unitsStatus(TestTokens.of("xintian.preparer"))).isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAudienceIs401() {
    String token = TestTokens.sign(claims(DemoUser.XINTIAN_PREPARER), TestTokens.ISSUER, List.of("account"),
        Instant.now().plusSeconds(600));
    assertUnauthorized(token);
    // Our audience among others is fine.
    assertThat(unitsStatus(TestTokens.sign(claims(DemoUser.XINTIAN_PREPARER), TestTokens.ISSUER,
        List.of("account", "jixiao-api"), Instant.now().plusSeconds(600)))).isEqualTo(200);
  }

  @Test
  void aTokenWithATamperedSignatureIs401() {
    assertUnauthorized(tamperSignature(TestTokens.of("xintian.preparer")));
  }

  @Test
  void aTokenWithTamperedClaimsIs401() {
    // The preparer grants themself another county's unit: the signature no longer matches the payload.
    String[] parts = TestTokens.of("xintian.preparer").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"preparer:xintian-jsx\"", "\"preparer:lingling-jsx\"");
    assertThat(payload).contains("\"preparer:lingling-jsx\"");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertUnauthorized(forged);
  }

  @Test
  void anExpiredTokenIs401() {
    assertUnauthorized(TestTokens.sign(claims(DemoUser.XINTIAN_PREPARER), TestTokens.ISSUER, List.of("jixiao-api"),
        Instant.now().minusSeconds(600)));
  }

  @Test
  void aTokenFromAnotherIssuerIs401() {
    assertUnauthorized(TestTokens.sign(claims(DemoUser.XINTIAN_PREPARER), "http://issuer.test.invalid/realms/master",
        List.of("jixiao-api"), Instant.now().plusSeconds(600)));
    assertUnauthorized(TestTokens.sign(claims(DemoUser.XINTIAN_PREPARER), "http://evil.test.invalid/realms/jixiao",
        List.of("jixiao-api"), Instant.now().plusSeconds(600)));
  }

  @Test
  void aTokenSignedWithAnotherKeyIs401() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience("jixiao-api")
        .subject(UUID.randomUUID().toString()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    claims(DemoUser.ADMIN).forEach(claims::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
    assertUnauthorized(jwt.serialize());
  }

  @Test
  void anUnsignedTokenIs401() {
    String[] parts = TestTokens.of("admin").split("\\.");
    String none = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertUnauthorized(none + "." + parts[1] + ".");
    assertUnauthorized("not-a-jwt");
  }

  static Map<String, Object> claims(DemoUser user) {
    return user.claims();
  }

  /** Flips one character in the middle of the signature (the last one may only carry padding bits). */
  static String tamperSignature(String token) {
    int signatureStart = token.lastIndexOf('.') + 1;
    int at = signatureStart + (token.length() - signatureStart) / 2;
    char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = token.substring(0, at) + replacement + token.substring(at + 1);
    assertThat(tampered).isNotEqualTo(token).hasSameSizeAs(token);
    return tampered;
  }

  int unitsStatus(String token) {
    return http.get().uri("/api/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
        .returnResult(byte[].class).getStatus().value();
  }

  void assertUnauthorized(String token) {
    http.get().uri("/api/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith("application/problem+json");
  }

  // ---- Units ----

  @Test
  void theBureauSeesTheUnitsItSupervisesAndTheAdministratorAll() {
    assertThat(unitCodes(DemoUser.XINTIAN_BUREAU)).containsExactlyInAnyOrder("xintian-fyjk", "xintian-jsx");
    assertThat(unitCodes(DemoUser.LINGLING_FINANCE)).containsExactlyInAnyOrder("lingling-fyjk", "lingling-jsx");
    assertThat(unitCodes(DemoUser.XINTIAN_PREPARER)).containsExactly("xintian-jsx");
    // Every unit: the demo's, and those other tests of this shared database added (CycleApiTest's "cyc…").
    assertThat(unitCodes(DemoUser.ADMIN)).containsAll(List.of(
        "xintian-jsx", "xintian-fyjk", "lingling-jsx", "lingling-fyjk", "gaocheng-jsx", "qiannan-jsx"));
    assertThat(unitCodes(DemoUser.ADMIN)).hasSize(jdbc.sql("select count(*) from jixiao.unit").query(Integer.class).single());
  }

  @Test
  void aUserWithTwoGrantsSeesTheUnitsOfBoth() {
    Api dual = Api.as(http, json, TestTokens.of(DemoUser.DUAL));
    assertThat(dual.get("/api/units").valueStream().map(u -> u.get("code").asString()))
        .containsExactlyInAnyOrder("xintian-fyjk", "xintian-jsx");
    // Names that are no grant (another group of the user's) give nothing.
    Api stranger = Api.as(http, json, TestTokens.withGrants("stranger", "units", "admin", "preparer"));
    assertThat(stranger.get("/api/units")).isEmpty();
  }

  List<String> unitCodes(DemoUser user) {
    return api(user).get("/api/units").valueStream().map(u -> u.get("code").asString()).toList();
  }

  // ---- The browser chain ----

  @Test
  void aBrowserWithoutASessionIsSentToTheKeycloakLogin() throws Exception {
    HttpResponse<String> response = browserGet("/tasks");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(URI.create("http://localhost:" + port + "/").resolve(location(response)).getPath())
        .isEqualTo("/oauth2/authorization/keycloak");
  }

  @Test
  void theLoginRedirectToKeycloakCarriesAPkceChallenge() throws Exception {
    HttpResponse<String> response = browserGet("/oauth2/authorization/keycloak");
    assertThat(response.statusCode()).isEqualTo(302);
    URI keycloak = URI.create(location(response));
    assertThat(keycloak.getScheme() + "://" + keycloak.getAuthority() + keycloak.getPath())
        .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth");
    Map<String, String> query = query(keycloak);
    assertThat(query).containsEntry("client_id", "jixiao-web").containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/login/oauth2/code/keycloak");
  }

  HttpResponse<String> browserGet(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }
}
