package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jixiao.support.Api;
import io.jixiao.support.DemoUser;
import io.jixiao.support.KeycloakTokens;
import io.jixiao.support.LocalhostCookies;
import io.jixiao.support.Packages;
import io.jixiao.report.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application against a real Keycloak — the Maven Central distribution started by
 * {@link LocalKeycloak} with our realm and demo users, as a local run does — with real tokens and
 * a real browser login. No Docker. Keycloak's first start in a clean {@code target/} unpacks and
 * builds it, which takes a minute or two on a slow machine.
 */
@Tag("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jixiao.keycloak.launch=true",
    // Real tokens are checked against the realm's JWKS, not the test key.
    "jixiao.keycloak.jwt-public-key-location=",
    // Never ./data: the distribution and its log go under target/.
    "jixiao.keycloak.home-dir=target/keycloak",
    // The directory asks this Keycloak (its admin API, as the realm's service account).
    "jixiao.directory.source=keycloak",
    "jixiao.directory.cache-ttl=0s"})
@AutoConfigureRestTestClient
@ActiveProfiles("test")
// Stops Keycloak (with the context) once this class is done rather than at the end of the run.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakIntegrationTest {

  static final int KEYCLOAK_PORT = freePort();
  static final String KEYCLOAK = "http://localhost:" + KEYCLOAK_PORT;
  static final String REALM = KEYCLOAK + "/realms/jixiao";
  static final Path LOG = Path.of("target/keycloak/keycloak.log");
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  @DynamicPropertySource
  static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("jixiao.keycloak.url", () -> KEYCLOAK);
  }

  @Autowired LocalKeycloak keycloak;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserDirectory directory;
  @LocalServerPort int port;

  @BeforeAll
  void awaitKeycloak() {
    Instant start = Instant.now();
    if (!keycloak.awaitReady(Duration.ofMinutes(4))) {
      fail("Keycloak did not answer on " + REALM + " within 4 minutes; the end of " + LOG.toAbsolutePath() + ":\n"
          + tail(LOG, 60));
    }
    System.out.println("KeycloakIntegrationTest: Keycloak ready after " + Duration.between(start, Instant.now()).toSeconds()
        + " s of waiting");
  }

  // ---- Tokens ----

  KeycloakTokens tokens() {
    return new KeycloakTokens(json, REALM);
  }

  String token(String username) {
    return tokens().of(username);
  }

  Api api(String username) {
    return Api.as(http, json, token(username));
  }

  int unitsStatus(String bearer) {
    var request = http.get().uri("/api/units");
    if (bearer != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }
    return request.exchange().returnResult(byte[].class).getStatus().value();
  }

  @Test
  void realTokensCarryTheRealmRolesAndUnits() {
    JsonNode claims = tokens().claims(token("xintian.bureau"));
    assertThat(claims.get("iss").asString()).isEqualTo(REALM);
    assertThat(claims.get("aud").toString()).contains("\"jixiao-api\"");
    assertThat(api("xintian.bureau").get("/api/units").valueStream().map(u -> u.get("code").asString()))
        .containsExactlyInAnyOrder("xintian-fyjk", "xintian-jsx");
    assertThat(api("admin").get("/api/units")).hasSize(6);
  }

  @Test
  void eachRoleDoesItsStepOfTheLifecycleWithRealTokens() {
    Packages packages = new Packages(json, Map.of(
        Role.PREPARER, api("xintian.preparer"),
        Role.UNIT_HEAD, api("xintian.head"),
        Role.BUREAU_REVIEWER, api("xintian.bureau"),
        Role.FINANCE_REVIEWER, api("xintian.finance"),
        Role.ADMIN, api("admin")));
    String id = packages.createFilled(Packages.freshYear(jdbc));
    assertThat(packages.stage(id)).isEqualTo(Stage.DRAFT);

    // Another region's preparer, with a real token, does not see it at all.
    api("lingling.preparer").get(org.springframework.http.HttpStatus.NOT_FOUND, "/api/reports/{id}", id);
    // A unit head may not submit the draft.
    api("xintian.head").post(org.springframework.http.HttpStatus.FORBIDDEN, null, "/api/tasks/{t}/claim",
        packages.taskOf(id));

    assertThat(packages.approve(id)).isEqualTo(Stage.UNIT_SIGN);       // preparer submits
    assertThat(packages.approve(id)).isEqualTo(Stage.BUREAU_GUIDANCE); // unit head signs
    assertThat(packages.approve(id)).isEqualTo(Stage.FINANCE_REVIEW);  // bureau passes it on
    assertThat(packages.approve(id)).isEqualTo(Stage.DISCLOSURE);      // finance approves
    assertThat(packages.approve(id)).isEqualTo(Stage.PUBLISHED);       // administrator publishes

    List<String> transitions = new ArrayList<>();
    for (JsonNode event : packages.preparer().get("/api/reports/{id}/history", id)) {
      if (event.get("kind").asString().equals("TRANSITION")) {
        transitions.add(event.get("stageTo").asString() + ":" + event.get("actor").asString());
      }
    }
    assertThat(transitions).containsExactly("UNIT_SIGN:xintian.preparer", "BUREAU_GUIDANCE:xintian.head",
        "FINANCE_REVIEW:xintian.bureau", "DISCLOSURE:xintian.finance", "PUBLISHED:admin");
    assertThat(packages.preparer().get("/api/reports/{id}/lifecycle", id).get("signature").get("signer").asString())
        .isEqualTo("xintian.head");
    api("lingling.preparer").get(org.springframework.http.HttpStatus.NOT_FOUND, "/api/reports/{id}", id);
  }

  @Test
  void aTamperedRealTokenIs401() {
    String token = token("xintian.preparer");
    assertThat(unitsStatus(token)).isEqualTo(200);
    assertThat(unitsStatus(AuthorizationApiTest.tamperSignature(token))).isEqualTo(401);
  }

  @Test
  void aTokenOfTheMasterRealmIs401() {
    KeycloakTokens masterRealm = new KeycloakTokens(json, KEYCLOAK + "/realms/master");
    String master = masterRealm.password("admin-cli", "admin", "admin");
    JsonNode claims = masterRealm.claims(master);
    assertThat(claims.get("iss").asString()).isEqualTo(KEYCLOAK + "/realms/master");
    assertThat(String.valueOf(claims.get("aud"))).doesNotContain("jixiao-api");
    assertThat(unitsStatus(master)).isEqualTo(401);
  }

  @Test
  void noTokenIs401() {
    http.get().uri("/api/units").exchange().expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith("application/problem+json");
  }

  // ---- The browser login ----

  @Test
  void aBrowserLogsInThroughKeycloakWithPkceAndLogsOut() {
    Browser browser = new Browser();
    String app = "http://localhost:" + port;

    // Not logged in: sent to the login endpoint, which sends on to Keycloak with a PKCE challenge.
    HttpResponse<String> tasks = browser.get(app + "/tasks");
    assertThat(tasks.statusCode()).isEqualTo(302);
    assertThat(browser.location(tasks)).isEqualTo(app + "/oauth2/authorization/keycloak");
    HttpResponse<String> toKeycloak = browser.get(browser.location(tasks));
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    URI authorize = URI.create(browser.location(toKeycloak));
    assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
        .isEqualTo(REALM + "/protocol/openid-connect/auth");
    Map<String, String> query = AuthorizationApiTest.query(authorize);
    assertThat(query).containsEntry("client_id", "jixiao-web").containsEntry("code_challenge_method", "S256")
        .containsKey("code_challenge");

    // Keycloak's login page; post the form as a browser would.
    HttpResponse<String> loginPage = browser.get(authorize.toString());
    assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
    HttpResponse<String> loggedIn = browser.post(formAction(loginPage.body()),
        Map.of("username", "xintian.preparer", "password", "demo", "credentialId", ""));
    assertThat(loggedIn.statusCode()).as("after the login form: %s", loggedIn.body()).isEqualTo(302);
    String callback = browser.location(loggedIn);
    assertThat(callback).startsWith(app + "/login/oauth2/code/keycloak?").contains("code=").doesNotContain("error=");

    // The app exchanges the code (with the PKCE verifier) and returns to the page first asked for.
    HttpResponse<String> back = browser.get(callback);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    String landing = browser.location(back);
    assertThat(landing).startsWith(app + "/tasks").doesNotContain("error");
    // Logged in: the app's own answer (no UI pages yet: 404), no longer a redirect to the login.
    HttpResponse<String> page = browser.get(landing);
    assertThat(page.statusCode()).as(page.body()).isIn(200, 404);
    assertThat(browser.get(app + "/tasks").statusCode()).isIn(200, 404);
    // The session is a browser's, never a bearer token: the API still wants a token.
    assertThat(browser.get(app + "/api/units").statusCode()).isEqualTo(401);

    // Logging out (POST with the CSRF token of the logout page) ends the app's session and then
    // Keycloak's: RP-initiated logout at the realm's end-session endpoint, back to the app.
    HttpResponse<String> logoutPage = browser.get(app + "/logout");
    assertThat(logoutPage.statusCode()).isEqualTo(200);
    HttpResponse<String> logout = browser.post(app + "/logout", Map.of("_csrf", csrfToken(logoutPage.body())));
    assertThat(logout.statusCode()).isEqualTo(302);
    URI endSession = URI.create(browser.location(logout));
    assertThat(endSession.getScheme() + "://" + endSession.getAuthority() + endSession.getPath())
        .as("where logging out leads").isEqualTo(REALM + "/protocol/openid-connect/logout");
    assertThat(AuthorizationApiTest.query(endSession)).containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", app + "/");
    HttpResponse<String> keycloakLogout = browser.get(endSession.toString());
    assertThat(keycloakLogout.statusCode()).as(keycloakLogout.body()).isEqualTo(302);
    assertThat(browser.location(keycloakLogout)).isEqualTo(app + "/");

    HttpResponse<String> again = browser.get(app + "/tasks");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(browser.location(again)).isEqualTo(app + "/oauth2/authorization/keycloak");
    // Logging in again needs the password again: Keycloak's single sign-on session is gone too.
    HttpResponse<String> reauthorize = browser.get(browser.location(browser.get(browser.location(again))));
    assertThat(reauthorize.statusCode())
        .as("Keycloak asks for the password again rather than redirecting back with a code (%s)",
            reauthorize.headers().firstValue("Location").orElse(""))
        .isEqualTo(200);
    formAction(reauthorize.body());
  }

  static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]+)\"",
      Pattern.DOTALL);
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  static String formAction(String html) {
    Matcher matcher = FORM_ACTION.matcher(html);
    assertThat(matcher.find()).as("Keycloak's login form in:\n%s", html).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  static String csrfToken(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF token in:\n%s", html).isTrue();
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  /** A browser enough for a login: cookies kept per host, redirects seen one by one. */
  final class Browser {
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(new LocalhostCookies())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) {
      return send(client, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String url, Map<String, String> fields) {
      return send(client, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(KeycloakTokens.form(fields))).build());
    }

    String location(HttpResponse<?> response) {
      String location = response.headers().firstValue("Location")
          .orElseThrow(() -> new AssertionError("no Location in a " + response.statusCode() + " from " + response.uri()));
      return response.uri().resolve(location).toString();
    }
  }


  // ---- Grants and the directory ----

  static List<String> strings(JsonNode array) {
    return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }

  /** The grants a token lists; the claim names every group of the user's, e.g. also {@code admins}. */
  static List<String> grants(JsonNode claims) {
    return strings(claims.get("grants")).stream().filter(name -> Membership.parse(name).isPresent()).toList();
  }

  @Test
  void realTokensSayWhichRoleIsHeldInWhichUnit() {
    for (DemoUser user : DemoUser.values()) {
      JsonNode claims = tokens().claims(token(user.username));
      assertThat(grants(claims)).as(user.username).containsExactlyInAnyOrderElementsOf(user.grants());
      assertThat(strings(claims.get("realm_access").get("roles")).contains("admin")).as(user.username)
          .isEqualTo(user == DemoUser.ADMIN);
    }
    JsonNode dual = tokens().claims(token(DemoUser.DUAL));
    assertThat(strings(dual.get("grants"))).containsExactlyInAnyOrderElementsOf(DemoUser.DUAL_GRANTS);
    assertThat(strings(tokens().claims(token("admin")).get("grants"))).containsExactly("admins");
    assertThat(api(DemoUser.DUAL).get("/api/units").valueStream().map(u -> u.get("code").asString()))
        .containsExactlyInAnyOrder("xintian-fyjk", "xintian-jsx");
    // A region's reviewer: one group name in the token, the region's units resolved on the server.
    JsonNode finance = tokens().claims(token(DemoUser.XINTIAN_FINANCE.username));
    assertThat(grants(finance)).containsExactly("finance-reviewer:region=xintian");
    assertThat(api(DemoUser.XINTIAN_FINANCE.username).get("/api/units").valueStream().map(u -> u.get("code").asString()))
        .containsExactlyInAnyOrder("xintian-fyjk", "xintian-jsx");
  }

  @Test
  void theDirectoryAsksKeycloak() {
    assertThat(directory).isInstanceOf(KeycloakUserDirectory.class);
    assertThat(directory.mayHold("xintian.preparer", Role.PREPARER, "xintian-jsx")).isTrue();
    assertThat(directory.mayHold("lingling.preparer", Role.PREPARER, "xintian-jsx")).as("another county's").isFalse();
    assertThat(directory.mayHold("nobody", Role.PREPARER, "xintian-jsx")).as("unknown").isFalse();
    assertThat(directory.mayHold(DemoUser.DUAL, Role.PREPARER, "xintian-jsx")).as("a role of another unit").isFalse();
    assertThat(directory.mayHold(DemoUser.DUAL, Role.PREPARER, "xintian-fyjk")).isTrue();
    assertThat(directory.eligible(Role.BUREAU_REVIEWER, "xintian-jsx")).containsExactly("xintian.bureau", "xintian.dual");
    assertThat(directory.eligible(Role.FINANCE_REVIEWER, "lingling-fyjk")).as("the region's group").containsExactly("lingling.finance");
    assertThat(directory.eligible(Role.BUREAU_REVIEWER, "lingling-jsx")).as("the bureau's group").containsExactly("lingling.bureau");
    assertThat(directory.mayHold("lingling.finance", Role.FINANCE_REVIEWER, "xintian-jsx")).as("another region").isFalse();
    assertThat(directory.eligible(Role.UNIT_HEAD, "no-such-unit")).isEmpty();
    assertThat(directory.eligible(Role.ADMIN, "qiannan-jsx")).containsExactly("admin");
    // A disabled user holds nothing.
    KeycloakAdmin admin = new KeycloakAdmin();
    admin.setEnabled("gaocheng.preparer", false);
    try {
      assertThat(directory.mayHold("gaocheng.preparer", Role.PREPARER, "gaocheng-jsx")).isFalse();
    } finally {
      admin.setEnabled("gaocheng.preparer", true);
    }
    assertThat(directory.mayHold("gaocheng.preparer", Role.PREPARER, "gaocheng-jsx")).isTrue();
  }

  // ---- Page sessions follow Keycloak ----

  /** Logs a browser in through Keycloak's login form; returns the app's answer to {@code /tasks}. */
  HttpResponse<String> logIn(Browser browser, String username) {
    String app = "http://localhost:" + port;
    HttpResponse<String> toLogin = browser.get(app + "/oauth2/authorization/keycloak");
    HttpResponse<String> loginPage = browser.get(browser.location(toLogin));
    assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
    HttpResponse<String> loggedIn = browser.post(formAction(loginPage.body()),
        Map.of("username", username, "password", "demo", "credentialId", ""));
    assertThat(loggedIn.statusCode()).as("after the login form: %s", loggedIn.body()).isEqualTo(302);
    HttpResponse<String> back = browser.get(browser.location(loggedIn));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    HttpResponse<String> tasks = browser.get(app + "/tasks");
    assertThat(tasks.statusCode()).as("%s's tasks page", username).isEqualTo(200);
    return tasks;
  }

  void assertSentToLogin(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("a page after the session ended").isEqualTo(302);
    assertThat(browserLocation(response)).isEqualTo("http://localhost:" + port + "/oauth2/authorization/keycloak");
  }

  static String browserLocation(HttpResponse<?> response) {
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
  }

  @Test
  void disablingAUserAndEndingTheirSessionsInKeycloakEndsThePageSessionAtOnce() {
    String app = "http://localhost:" + port;
    KeycloakAdmin admin = new KeycloakAdmin();
    // The realm names the app at its usual port; this one's is random.
    Map<String, String> before = admin.clientAttributes("jixiao-web");
    admin.setClientAttributes("jixiao-web", Map.of("backchannel.logout.url", app + "/logout/connect/back-channel/keycloak"));
    Browser browser = new Browser();
    try {
      logIn(browser, "qiannan.preparer");
      assertThat(browser.get(app + "/tasks").statusCode()).isEqualTo(200);
      admin.setEnabled("qiannan.preparer", false);
      // Disabling alone ends no session in Keycloak (the page's would end at its next token refresh,
      // see below); signing the user out there sends the app a back-channel logout token.
      admin.logOut("qiannan.preparer");
      // The access token is still valid for minutes: only Keycloak's logout token can end the session now.
      assertSentToLogin(browser.get(app + "/tasks"));
    } finally {
      admin.setEnabled("qiannan.preparer", true);
      admin.restoreClientAttributes("jixiao-web", before);
    }
  }

  @Test
  void pageAuthoritiesFollowTheRefreshedToken() {
    String app = "http://localhost:" + port;
    KeycloakAdmin admin = new KeycloakAdmin();
    Map<String, String> before = admin.clientAttributes("jixiao-web");
    // Tokens shorter-lived than Spring's refresh margin (60 s): every page request refreshes them.
    admin.setClientAttributes("jixiao-web", Map.of("access.token.lifespan", "30",
        "backchannel.logout.url", ""));
    String grant = "/units/qiannan-jsx/preparer:qiannan-jsx";
    Browser browser = new Browser();
    try {
      HttpResponse<String> first = logIn(browser, "gaocheng.preparer");
      assertThat(first.body()).contains("gaocheng-jsx").doesNotContain("qiannan-jsx");
      admin.join("gaocheng.preparer", grant);
      assertThat(browser.get(app + "/tasks").body()).as("the page after the grant was given")
          .contains("gaocheng-jsx").contains("qiannan-jsx");
      admin.leave("gaocheng.preparer", grant);
      assertThat(browser.get(app + "/tasks").body()).as("the page after the grant was taken")
          .contains("gaocheng-jsx").doesNotContain("qiannan-jsx");
      // Disabled (no back-channel logout configured here): the refresh is refused, the session ends.
      admin.setEnabled("gaocheng.preparer", false);
      assertSentToLogin(browser.get(app + "/tasks"));
    } finally {
      admin.setEnabled("gaocheng.preparer", true);
      admin.leave("gaocheng.preparer", grant);
      admin.restoreClientAttributes("jixiao-web", before);
    }
  }

  /** Keycloak's admin REST API as the master realm's administrator, for what an administrator would do. */
  final class KeycloakAdmin {
    final String token = new KeycloakTokens(json, KEYCLOAK + "/realms/master").password("admin-cli", "admin", "admin");
    final String base = KEYCLOAK + "/admin/realms/jixiao";
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> call(String method, String path, Object body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      HttpResponse<String> response = send(client, request.build());
      assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
      return response;
    }

    JsonNode get(String path) {
      return json.readTree(call("GET", path, null).body());
    }

    String userId(String username) {
      JsonNode users = get("/users?exact=true&username=" + username);
      assertThat(users.size()).as(username).isEqualTo(1);
      return users.get(0).get("id").asString();
    }

    void setEnabled(String username, boolean enabled) {
      call("PUT", "/users/" + userId(username), Map.of("enabled", enabled));
    }

    /** Ends the user's sessions: Keycloak sends back-channel logout tokens to the clients. */
    void logOut(String username) {
      call("POST", "/users/" + userId(username) + "/logout", null);
    }

    String groupId(String path) {
      return get("/group-by-path" + path.replace(":", "%3A")).get("id").asString();
    }

    void join(String username, String groupPath) {
      call("PUT", "/users/" + userId(username) + "/groups/" + groupId(groupPath), null);
    }

    void leave(String username, String groupPath) {
      call("DELETE", "/users/" + userId(username) + "/groups/" + groupId(groupPath), null);
    }

    JsonNode clientRep(String clientId) {
      return get("/clients?clientId=" + clientId).get(0);
    }

    Map<String, String> clientAttributes(String clientId) {
      Map<String, String> attributes = new LinkedHashMap<>();
      clientRep(clientId).get("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asString()));
      return attributes;
    }

    void setClientAttributes(String clientId, Map<String, String> changes) {
      Map<String, String> attributes = clientAttributes(clientId);
      attributes.putAll(changes);
      putClientAttributes(clientId, attributes);
    }

    /** Back to attributes read before: any added since are emptied, which Keycloak takes as unset. */
    void restoreClientAttributes(String clientId, Map<String, String> before) {
      Map<String, String> attributes = clientAttributes(clientId);
      attributes.replaceAll((key, value) -> "");
      attributes.putAll(before);
      putClientAttributes(clientId, attributes);
    }

    void putClientAttributes(String clientId, Map<String, String> attributes) {
      JsonNode rep = clientRep(clientId);
      @SuppressWarnings("unchecked")
      Map<String, Object> body = json.convertValue(rep, Map.class);
      body.put("attributes", attributes);
      call("PUT", "/clients/" + rep.get("id").asString(), body);
    }
  }

  // ---- Plumbing ----

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
