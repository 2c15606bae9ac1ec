package io.jixiao.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The local run's Keycloak: the distribution from Maven Central, started with our realm and demo
 * users by {@code scripts/keycloak.sh} on the port of {@code jixiao.keycloak.url}, and stopped with
 * the app. Off wherever Keycloak runs on its own (docker compose, production).
 */
@Component
@ConditionalOnProperty(name = "jixiao.keycloak.launch", havingValue = "true")
public class LocalKeycloak implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);

  private final URI url;
  private final String realm;
  private final Path home;
  private final Path script;
  private Process process;

  LocalKeycloak(
      @Value("${jixiao.keycloak.url}") URI url,
      @Value("${jixiao.keycloak.realm}") String realm,
      @Value("${jixiao.keycloak.home-dir:./data/keycloak}") Path home,
      @Value("${jixiao.keycloak.script:scripts/keycloak.sh}") Path script) {
    this.url = url;
    this.realm = realm;
    this.home = home.toAbsolutePath();
    this.script = script.toAbsolutePath();
  }

  @Override
  public void start() {
    try {
      Files.createDirectories(home);
      ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak.log").toFile()));
      builder.environment().put("KEYCLOAK_PORT", String.valueOf(url.getPort()));
      builder.environment().put("KEYCLOAK_HOME_DIR", home.toString());
      // Pin the issuer to the configured address whichever host name a client uses.
      builder.environment().put("KEYCLOAK_HOSTNAME", url.getScheme() + "://" + url.getHost() + ":" + url.getPort());
      process = builder.start();
      log.info("Starting Keycloak on {} (log: {}); the first start unpacks and builds it (1–2 min)",
          url, home.resolve("keycloak.log"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Keycloak with " + script, e);
    }
  }

  /** Blocks until the realm answers, for callers that need it (tests); false on timeout. */
  public boolean awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI wellKnown = URI.create(url + "/realms/" + realm + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process == null || !process.isAlive()) {
        return false;
      }
      try {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(wellKnown).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Override
  public void stop() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.info("Keycloak stopped");
    }
  }

  @Override
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  Path logFile() {
    return home.resolve("keycloak.log");
  }
}
