package io.jixiao.support;

import io.jixiao.JixiaoApplication;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM (the test JVM's own classpath, the test profile) against a
 * database the test runs, on a free port: for tests that need several nodes or must kill one with
 * SIGKILL. Each start logs to {@code target/app-processes/<name>-<n>.log}. A child dies with the
 * test: on {@link #close()}, in the test JVM's shutdown hook, and — should the test JVM itself be
 * killed — by its own watchdog ({@link Main}) when the parent process is gone.
 */
public final class AppProcess implements AutoCloseable {

  public static final Path LOG_DIR = Path.of("target", "app-processes");

  private static final Set<AppProcess> STARTED = ConcurrentHashMap.newKeySet();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(AppProcess::kill), "app-process-reaper"));
  }

  private final String name;
  private final int port;
  private final List<String> arguments;
  private Process process;
  private Path log;
  private int starts;
  private List<String> jvmOptions = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:+ExitOnOutOfMemoryError");

  private AppProcess(String name, int port, List<String> arguments) {
    this.name = name;
    this.port = port;
    this.arguments = List.copyOf(arguments);
  }

  /**
   * A node on a free port using the database at {@code jdbcUrl} (user postgres), Keycloak not
   * launched, tokens checked against the test key. Not started yet.
   */
  public static AppProcess node(String name, String jdbcUrl, String... extraArguments) {
    int port = freePort();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", "test");
    properties.put("server.port", String.valueOf(port));
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.hikari.maximum-pool-size", "12");
    properties.put("spring.main.banner-mode", "off");
    properties.put("jixiao.keycloak.launch", "false");
    // Tokens name the test issuer; the server side of Keycloak is a closed port, so any call to
    // it (a page login's code exchange) fails at once instead of waiting on DNS.
    properties.put("jixiao.keycloak.public-url", "http://issuer.test.invalid");
    properties.put("jixiao.keycloak.url", "http://127.0.0.1:" + freePort());
    properties.put("logging.level.org.flowable", "INFO");
    // --key=value arguments replace a default (a property given twice would become a list).
    for (String argument : extraArguments) {
      int equals = argument.indexOf('=');
      if (!argument.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("not --key=value: " + argument);
      }
      properties.put(argument.substring(2, equals), argument.substring(equals + 1));
    }
    List<String> arguments = new ArrayList<>();
    properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    return new AppProcess(name, port, arguments);
  }

  /** Launches the JVM (again, after a kill: same port, same arguments); does not wait for it. */
  public synchronized AppProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    try {
      Files.createDirectories(LOG_DIR);
      // The classpath goes through an argument file: it can be longer than one command-line argument may be.
      Path argFile = LOG_DIR.resolve(name + ".args");
      Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
      log = LOG_DIR.resolve(name + "-" + (++starts) + ".log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(jvmOptions);
      command.addAll(List.of(
          "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
          "-Djixiao.test.parent-pid=" + ProcessHandle.current().pid(),
          "@" + argFile.toAbsolutePath(),
          Main.class.getName()));
      command.addAll(arguments);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
      STARTED.add(this);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the JVM dies or time runs out. */
  public AppProcess awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + logTail(60));
      }
      if (isHealthy()) {
        return this;
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + logTail(60));
  }

  public boolean isHealthy() {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no graceful close of connections or transactions. */
  public synchronized void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM: the application shuts down in order. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  @Override
  public void close() {
    kill();
    STARTED.remove(this);
  }

  /**
   * Replaces the default JVM options (a small heap, serial GC, C1 only: cheap starts for tests), e.g.
   * with a production-like JVM for the benchmark. Takes effect at the next {@link #start()}.
   */
  public synchronized AppProcess jvmOptions(String... options) {
    this.jvmOptions = List.of(options);
    return this;
  }

  /** The running JVM's process id (for jcmd). */
  public long pid() {
    if (!isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  /** The log of the latest start. */
  public Path log() {
    return log;
  }

  /** Every start's log, oldest first. */
  public String logs() {
    StringBuilder all = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      try {
        all.append(Files.readString(LOG_DIR.resolve(name + "-" + i + ".log")));
      } catch (IOException e) {
        all.append("(log ").append(i).append(" unreadable: ").append(e).append(")\n");
      }
    }
    return all.toString();
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The child's entry point: the application, plus a watchdog that ends it when the test JVM is gone. */
  public static final class Main {

    private Main() {}

    public static void main(String[] args) {
      long parent = Long.getLong("jixiao.test.parent-pid", -1);
      if (parent > 0) {
        ProcessHandle.of(parent).ifPresentOrElse(
            handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
            () -> Runtime.getRuntime().halt(3));
      }
      JixiaoApplication.main(args);
    }
  }
}
