package io.jixiao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files say what the README promises (there is no Docker engine here to run them):
 * compose runs Keycloak in production mode with only the realm file imported and every secret from
 * .env, which scripts/make-env.sh writes with fresh random values; the image runs as a non-root
 * user and copies everything the build packages; the realm file holds no client secret.
 */
class DeploymentFilesTest {

  static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");

  @TempDir Path temp;

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsKeycloakInProductionModeWithOnlyTheRealmFileAndTheAppInTheProdProfile() throws IOException {
    String text = Files.readString(Path.of("docker-compose.yml"));
    assertThat(text).doesNotContain("start-dev").doesNotContainPattern("(?i)PASSWORD: *(admin|jixiao|keycloak)\\b")
        .doesNotContain("jixiao-web-secret");
    Map<String, Map<String, Object>> services = services();

    Map<String, Object> keycloak = services.get("keycloak");
    List<String> command = (List<String>) keycloak.get("command");
    assertThat(command.get(0)).isEqualTo("start");
    assertThat(command).contains("--import-realm", "--http-enabled=true");
    assertThat((List<String>) keycloak.get("volumes"))
        .containsExactly("./realm/jixiao-realm.json:/opt/keycloak/data/import/jixiao-realm.json:ro");
    assertThat(keycloak).doesNotContainKey("profiles");

    Map<String, Object> demoUsers = services.get("demo-users");
    assertThat((List<String>) demoUsers.get("profiles")).containsExactly("demo");
    assertThat(demoUsers.toString()).contains("jixiao-users-0.json", "partialImport", "ifResourceExists=SKIP");
    services.forEach((name, service) -> {
      if (!name.equals("demo-users")) {
        assertThat(String.valueOf(service.get("volumes"))).as(name).doesNotContain("users");
      }
    });

    Map<String, String> app = (Map<String, String>) services.get("app").get("environment");
    assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsEntry("SPRING_DATASOURCE_USERNAME", "jixiao_app");
    assertThat(app.get("SPRING_FLYWAY_USER")).isNotEqualTo(app.get("SPRING_DATASOURCE_USERNAME"));
    assertThat(app.get("JIXIAO_WEB_CLIENT_SECRET")).startsWith("${JIXIAO_WEB_CLIENT_SECRET:?");
    assertThat(app.get("JIXIAO_DIRECTORY_CLIENT_SECRET")).startsWith("${JIXIAO_DIRECTORY_CLIENT_SECRET:?");
    for (Map<String, Object> service : services.values()) {
      for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
        assertThat(String.valueOf(port)).startsWith("127.0.0.1:");
      }
    }
  }

  @Test
  void makeEnvWritesEverySecretComposeRequiresFreshAndPrivate() throws Exception {
    Set<String> required = new TreeSet<>();
    Matcher matcher = REQUIRED.matcher(Files.readString(Path.of("docker-compose.yml")));
    while (matcher.find()) {
      required.add(matcher.group(1));
    }
    assertThat(required).contains("JIXIAO_WEB_CLIENT_SECRET", "JIXIAO_DIRECTORY_CLIENT_SECRET", "KEYCLOAK_ADMIN_PASSWORD", "JIXIAO_DB_APP_PASSWORD",
        "JIXIAO_DB_OWNER_PASSWORD", "KEYCLOAK_DB_PASSWORD");

    Files.createDirectories(temp.resolve("scripts"));
    Files.copy(Path.of("scripts/make-env.sh"), temp.resolve("scripts/make-env.sh"));
    assertThat(run(temp.resolve("scripts/make-env.sh"))).isZero();
    Map<String, String> first = readEnv(temp.resolve(".env"));
    assertThat(Files.getPosixFilePermissions(temp.resolve(".env")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(first.keySet()).containsAll(required).isEqualTo(readEnv(Path.of(".env.example")).keySet());
    assertThat(first).containsEntry("COMPOSE_PROFILES", "").containsEntry("JIXIAO_DEMO", "false");
    Set<String> values = new HashSet<>();
    for (String name : required) {
      assertThat(first.get(name)).as(name).matches("(admin-)?[0-9a-f]{8,32}");
      values.add(first.get(name));
    }
    assertThat(values).as("every secret its own").hasSameSizeAs(required);

    // An existing .env is kept; --force --demo writes new secrets and the demo profile.
    assertThat(run(temp.resolve("scripts/make-env.sh"))).isNotZero();
    assertThat(readEnv(temp.resolve(".env"))).isEqualTo(first);
    assertThat(run(temp.resolve("scripts/make-env.sh"), "--demo", "--force")).isZero();
    Map<String, String> demo = readEnv(temp.resolve(".env"));
    assertThat(demo).containsEntry("COMPOSE_PROFILES", "demo").containsEntry("JIXIAO_DEMO", "true");
    assertThat(demo.get("JIXIAO_WEB_CLIENT_SECRET")).isNotEqualTo(first.get("JIXIAO_WEB_CLIENT_SECRET"));
  }

  @Test
  void theImageRunsAsANonRootUserAndCopiesWhatTheBuildPackages() throws IOException {
    List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
    String user = dockerfile.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user).matches("USER [1-9][0-9]{3,}:[1-9][0-9]{3,}");
    Set<String> copied = new HashSet<>();
    dockerfile.stream().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).forEach(l -> copied.add(l.split(" ")[1]));
    Matcher directory = Pattern.compile("<directory>([^<]+)</directory>").matcher(Files.readString(Path.of("pom.xml")));
    int resources = 0;
    while (directory.find()) {
      resources++;
      assertThat(copied).as("the build needs " + directory.group(1)).contains(directory.group(1).split("/")[0]);
    }
    assertThat(resources).isGreaterThanOrEqualTo(4);
    assertThat(Files.readString(Path.of(".dockerignore"))).contains(".env", "data/");
  }

  @Test
  void theRealmFileTakesTheWebClientSecretFromTheEnvironment() throws IOException {
    String realm = Files.readString(Path.of("realm/jixiao-realm.json"));
    assertThat(realm).contains("\"secret\": \"${JIXIAO_WEB_CLIENT_SECRET}\"").doesNotContain("jixiao-web-secret")
        .contains("\"secret\": \"${JIXIAO_DIRECTORY_CLIENT_SECRET}\"").doesNotContain("jixiao-directory-secret")
        .contains("\"backchannel.logout.url\": \"${JIXIAO_BACKCHANNEL_LOGOUT_URL}\"");
    assertThat(Files.readString(Path.of("scripts/keycloak.sh")))
        .contains("export JIXIAO_WEB_CLIENT_SECRET=\"${JIXIAO_WEB_CLIENT_SECRET:-jixiao-web-secret}\"");
  }

  private static int run(Path script, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private static Map<String, String> readEnv(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int eq = line.indexOf('=');
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }
}
