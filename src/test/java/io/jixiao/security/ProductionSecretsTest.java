package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.JixiaoApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The prod profile refuses a missing or the dev web client secret; other profiles keep the dev default. */
class ProductionSecretsTest {

  static final String SECRET = "spring.security.oauth2.client.registration.keycloak.client-secret";
  static final String DIRECTORY_SECRET = "spring.security.oauth2.client.registration.keycloak-directory.client-secret";

  /** With a real directory secret, so each test is about the web client's secret unless it says otherwise. */
  ApplicationContextRunner runner(String... profiles) {
    return new ApplicationContextRunner()
        .withInitializer(context -> context.getEnvironment().setActiveProfiles(profiles))
        .withPropertyValues(DIRECTORY_SECRET + "=Kd72mQx0Pz4rT9vA")
        .withUserConfiguration(ProductionSecrets.class);
  }

  @Test
  void prodRefusesTheDevDirectorySecretToo() {
    runner("prod").withPropertyValues(SECRET + "=Zq3v9X1rS7kP0wLm", DIRECTORY_SECRET + "=jixiao-directory-secret")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("JIXIAO_DIRECTORY_CLIENT_SECRET is the dev secret"));
    runner("prod").withPropertyValues(SECRET + "=Zq3v9X1rS7kP0wLm", DIRECTORY_SECRET + "=")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("JIXIAO_DIRECTORY_CLIENT_SECRET is unset"));
  }

  @Test
  void prodRefusesTheDevSecret() {
    runner("prod").withPropertyValues(SECRET + "=jixiao-web-secret").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("Refusing to start in the prod profile")
          .hasMessageContaining("the dev secret 'jixiao-web-secret'");
    });
  }

  @Test
  void prodRefusesNoSecret() {
    for (String blank : new String[] {"", "  "}) {
      runner("prod").withPropertyValues(SECRET + "=" + blank).run(context ->
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("JIXIAO_WEB_CLIENT_SECRET is unset"));
    }
    runner("prod").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("JIXIAO_WEB_CLIENT_SECRET is unset"));
  }

  @Test
  void prodStartsWithARealSecret() {
    runner("prod").withPropertyValues(SECRET + "=Zq3v9X1rS7kP0wLm").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(ProductionSecrets.class);
    });
  }

  /** The whole app, as docker compose runs it, with the dev secret (and the secret unset): it does not start. */
  @Test
  void theAppInTheProdProfileDoesNotStartWithTheDevSecret() {
    for (String secret : new String[] {"jixiao-web-secret", ""}) {
      SpringApplicationBuilder app = new SpringApplicationBuilder(JixiaoApplication.class).profiles("test", "prod");
      assertThatThrownBy(() -> app.run("--server.port=0", "--JIXIAO_WEB_CLIENT_SECRET=" + secret,
          "--JIXIAO_DIRECTORY_CLIENT_SECRET=Kd72mQx0Pz4rT9vA").close())
          .rootCause().hasMessageContaining("Refusing to start in the prod profile: JIXIAO_WEB_CLIENT_SECRET is");
    }
  }

  @Test
  void theLocalRunKeepsTheDevSecret() {
    runner().withPropertyValues(SECRET + "=jixiao-web-secret").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(ProductionSecrets.class);
    });
  }
}
