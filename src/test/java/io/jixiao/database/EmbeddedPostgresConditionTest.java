package io.jixiao.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** An external database (docker compose, production) starts no embedded one and keeps its own DataSource. */
class EmbeddedPostgresConditionTest {

  @Test
  void anExternalDatabaseUrlTurnsTheEmbeddedDatabaseOff() {
    new ApplicationContextRunner()
        .withUserConfiguration(EmbeddedPostgresConfiguration.class)
        .withPropertyValues("spring.datasource.url=jdbc:postgresql://postgres:5432/jixiao", "jixiao.database.app-role=jixiao_app")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
          assertThat(context).doesNotHaveBean(DataSource.class);
        });
  }

  @Test
  void noUrlOrABlankOneMeansEmbedded() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Marker.class);
    runner.run(context -> assertThat(context).hasBean("embedded"));
    runner.withPropertyValues("spring.datasource.url=").run(context -> assertThat(context).hasBean("embedded"));
    runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/x").run(context -> assertThat(context).doesNotHaveBean("embedded"));
  }

  /** Stands in for the embedded configuration, under the same condition. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
  static class Marker {
    @Bean
    String embedded() {
      return "embedded";
    }
  }
}
