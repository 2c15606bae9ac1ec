package io.jixiao.nodes;

import io.jixiao.support.LocalhostCookies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.AppProcess;
import io.jixiao.support.KeycloakTokens;
import io.jixiao.support.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long form of the shared page session: a real login through a real Keycloak (the Maven
 * Central distribution, as the local run starts it) on node A, the same browser's next pages
 * served by node B, and a logout on B that ends the session on A too. Tagged {@code bench}: not in
 * the normal suite (Keycloak's start costs a minute); {@code bench/login.sh} runs it.
 */
@Tag("bench")
class TwoNodesLoginBenchTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aBrowserLoggedInOnOneNodeIsLoggedInOnTheOtherUntilItLogsOutThere() throws Exception {
    int keycloakPort = AppProcess.freePort();
    String keycloak = "http://localhost:" + keycloakPort;
    Process kc = startKeycloak(keycloakPort);
    try (TestPostgres db = TestPostgres.start();
        AppProcess a = AppProcess.node("login-a", db.jdbcUrl(), keycloakArguments(keycloak));
        AppProcess b = AppProcess.node("login-b", db.jdbcUrl(), keycloakArguments(keycloak))) {
      a.start();
      b.start();
      a.awaitHealthy(Duration.ofSeconds(240));
      b.awaitHealthy(Duration.ofSeconds(240));
      awaitRealm(kc, keycloak + "/realms/jixiao");

      Browser browser = new Browser();
      HttpResponse<String> tasks = browser.get(a.baseUrl() + "/tasks");
      assertThat(tasks.statusCode()).isEqualTo(302);
      HttpResponse<String> authorize = browser.get(browser.location(tasks));
      assertThat(browser.location(authorize)).startsWith(keycloak + "/realms/jixiao/protocol/openid-connect/auth");
      HttpResponse<String> loginPage = browser.get(browser.location(authorize));
      assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
      HttpResponse<String> loggedIn = browser.post(formAction(loginPage.body()),
          Map.of("username", "xintian.preparer", "password", "demo", "credentialId", ""));
      assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
      String callback = browser.location(loggedIn);
      assertThat(callback).startsWith(a.baseUrl() + "/login/oauth2/code/keycloak?");
      HttpResponse<String> landed = browser.get(callback);
      assertThat(browser.location(landed)).as("after the callback on A").startsWith(a.baseUrl() + "/tasks");
      assertThat(browser.get(a.baseUrl() + "/tasks").statusCode()).isEqualTo(200);

      // The same browser, the other node: still logged in, as the same user with the same roles.
      HttpResponse<String> onB = browser.get(b.baseUrl() + "/tasks");
      assertThat(onB.statusCode()).as("node B with A's session").isEqualTo(200);
      assertThat(onB.body()).contains("xintian.preparer");
      assertThat(browser.get(b.baseUrl() + "/reports").statusCode()).isEqualTo(200);

      // Logging out on B (its logout form, with the session's CSRF token) ends the session on A.
      HttpResponse<String> logoutPage = browser.get(b.baseUrl() + "/logout");
      Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(logoutPage.body());
      assertThat(csrf.find()).as(logoutPage.body()).isTrue();
      HttpResponse<String> loggedOut = browser.post(b.baseUrl() + "/logout", Map.of("_csrf", csrf.group(1)));
      assertThat(loggedOut.statusCode()).isEqualTo(302);
      assertThat(browser.get(a.baseUrl() + "/tasks").statusCode()).as("A after the logout on B").isEqualTo(302);
      assertThat(db.jdbc().sql("select count(*) from jixiao.spring_session where principal_name = 'xintian.preparer'")
          .query(Long.class).single()).isZero();
    } finally {
      kc.descendants().forEach(ProcessHandle::destroyForcibly);
      kc.destroyForcibly();
    }
  }

  private static String[] keycloakArguments(String keycloak) {
    return new String[] {"--jixiao.keycloak.url=" + keycloak, "--jixiao.keycloak.public-url=" + keycloak,
        "--jixiao.keycloak.jwt-public-key-location="};
  }

  private static Process startKeycloak(int port) throws IOException {
    Path home = Path.of("target", "keycloak").toAbsolutePath();
    Files.createDirectories(home);
    Files.createDirectories(AppProcess.LOG_DIR);
    ProcessBuilder builder = new ProcessBuilder("bash", Path.of("scripts", "keycloak.sh").toAbsolutePath().toString(), "start")
        .redirectErrorStream(true).redirectOutput(AppProcess.LOG_DIR.resolve("keycloak.log").toFile());
    builder.environment().put("KEYCLOAK_PORT", String.valueOf(port));
    builder.environment().put("KEYCLOAK_HOME_DIR", home.toString());
    builder.environment().put("KEYCLOAK_HOSTNAME", "http://localhost:" + port);
    return builder.start();
  }

  private static void awaitRealm(Process kc, String realm) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      assertThat(kc.isAlive()).as("Keycloak running; see %s", AppProcess.LOG_DIR.resolve("keycloak.log")).isTrue();
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(realm + "/.well-known/openid-configuration")).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Keycloak not ready at " + realm);
  }

  private static String formAction(String html) {
    Matcher matcher = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]+)\"", Pattern.DOTALL)
        .matcher(html);
    assertThat(matcher.find()).as("Keycloak's login form in:\n%s", html).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  /** A browser enough for a login: cookies per host (so both nodes on 127.0.0.1 get the session), redirects one by one. */
  private static final class Browser {
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) {
      return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String url, Map<String, String> fields) {
      return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(KeycloakTokens.form(fields))).build());
    }

    String location(HttpResponse<?> response) {
      String location = response.headers().firstValue("Location")
          .orElseThrow(() -> new AssertionError("no Location in a " + response.statusCode() + " from " + response.uri()));
      return response.uri().resolve(location).toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(request.method() + " " + request.uri(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

}
