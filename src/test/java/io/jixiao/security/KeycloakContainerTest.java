package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.NOT_FOUND;

import io.jixiao.support.Api;
import io.jixiao.support.KeycloakTokens;
import io.jixiao.support.Packages;
import io.jixiao.report.Stage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core of {@link KeycloakIntegrationTest} against Keycloak's official image, for machines
 * with Docker (CI). Without a Docker daemon the class is skipped, not failed.
 */
@Tag("keycloak")
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jixiao.keycloak.launch=false",
    "jixiao.keycloak.jwt-public-key-location="})
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KeycloakContainerTest {

  static final String IMAGE = "quay.io/keycloak/keycloak:26.7.3";

  @Container
  static final GenericContainer<?> KEYCLOAK = new GenericContainer<>(DockerImageName.parse(IMAGE))
      .withExposedPorts(8080)
      .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
      .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
      // The realm file takes the web client's secret from the environment (the dev secret here).
      .withEnv("JIXIAO_WEB_CLIENT_SECRET", "jixiao-web-secret")
      .withEnv("JIXIAO_DIRECTORY_CLIENT_SECRET", "jixiao-directory-secret")
      .withEnv("JIXIAO_BACKCHANNEL_LOGOUT_URL", "http://localhost:8080/logout/connect/back-channel/keycloak")
      .withCopyFileToContainer(MountableFile.forHostPath("realm/jixiao-realm.json"),
          "/opt/keycloak/data/import/jixiao-realm.json")
      .withCopyFileToContainer(MountableFile.forHostPath("realm/jixiao-users-0.json"),
          "/opt/keycloak/data/import/jixiao-users-0.json")
      .withCommand("start-dev", "--import-realm", "--health-enabled=false", "--metrics-enabled=false")
      .waitingFor(Wait.forHttp("/realms/jixiao/.well-known/openid-configuration").forPort(8080)
          .withStartupTimeout(Duration.ofMinutes(5)));

  /** Keycloak names itself after the address used; the app and the tokens use the same one. */
  static String url() {
    return "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(8080);
  }

  @DynamicPropertySource
  static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("jixiao.keycloak.url", KeycloakContainerTest::url);
  }

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Api api(String username) {
    return Api.as(http, json, new KeycloakTokens(json, url() + "/realms/jixiao").of(username));
  }

  @Test
  void aRealPreparerTokenWorksAndAnotherRegionSeesNothing() {
    Api preparer = api("xintian.preparer");
    assertThat(preparer.get("/api/units").valueStream().map(u -> u.get("code").asString())).containsExactly("xintian-jsx");

    Packages packages = new Packages(json, Map.of(
        Role.PREPARER, preparer,
        Role.UNIT_HEAD, api("xintian.head"),
        Role.BUREAU_REVIEWER, api("xintian.bureau"),
        Role.FINANCE_REVIEWER, api("xintian.finance"),
        Role.ADMIN, api("admin")));
    String id = packages.createFilled(Packages.freshYear(jdbc));
    assertThat(packages.approve(id)).isEqualTo(Stage.UNIT_SIGN);

    api("lingling.preparer").get(NOT_FOUND, "/api/reports/{id}", id);
  }

  @Test
  void aTamperedTokenAndNoTokenAre401() {
    String token = new KeycloakTokens(json, url() + "/realms/jixiao").of("xintian.preparer");
    http.get().uri("/api/units").header("Authorization", "Bearer " + AuthorizationApiTest.tamperSignature(token))
        .exchange().expectStatus().isUnauthorized();
    http.get().uri("/api/units").exchange().expectStatus().isUnauthorized();
  }
}
