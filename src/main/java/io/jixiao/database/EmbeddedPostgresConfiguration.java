package io.jixiao.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, Jixiao runs on an embedded PostgreSQL: a real postgres
 * binary from Maven Central. Its data directory survives restarts unless none is configured (tests),
 * in which case it lives in a temporary directory removed on shutdown.
 *
 * <p>Flyway migrates as the superuser, who owns our tables; the app connects as the login role
 * {@code jixiao.database.app-role}, created here (idempotently, so existing data directories keep
 * working) and granted only what it needs by {@code db/migration/V3__append_only_guards.sql}.
 */
@Configuration(proxyBeanMethods = false)
// Not @ConditionalOnProperty(havingValue = ""): that matches every value but "false", so an external
// spring.datasource.url would still start (and be shadowed by) the embedded database.
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

  /**
   * Only without a {@code spring.datasource.url}. (Not {@code @ConditionalOnProperty(havingValue = "")}:
   * an empty havingValue matches every value but "false", so a configured URL was ignored.)
   */
  static class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties,
      @Value("${jixiao.database.app-role}") String appRole) throws IOException, SQLException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setPort(properties.port())
        // Spring stops it (destroyMethod) after the beans that still need it; zonky's own JVM hook
        // would stop it concurrently, under Flowable's job executor still unlocking its jobs.
        .setRegisterShutdownHook(false);
    if (StringUtils.hasText(properties.dataDir())) {
      Path dataDir = Path.of(properties.dataDir()).toAbsolutePath();
      Files.createDirectories(dataDir);
      builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
    }
    EmbeddedPostgres postgres = builder.start();
    createAppRole(postgres.getPostgresDatabase(), appRole);
    log.info("Embedded PostgreSQL on {} (data: {}), the app connecting as {}", postgres.getJdbcUrl("postgres", "postgres"),
        StringUtils.hasText(properties.dataDir()) ? properties.dataDir() : "temporary", appRole);
    return postgres;
  }

  /** Before Flyway and Flowable: the engine creates its tables in public as this role. */
  private static void createAppRole(DataSource superuser, String role) throws SQLException {
    if (!role.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalStateException("jixiao.database.app-role must be a plain lower-case name: " + role);
    }
    try (Connection connection = superuser.getConnection(); Statement sql = connection.createStatement()) {
      sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
          + "create role " + role + " login; end if; end $$");
      sql.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole");
      sql.execute("grant usage, create on schema public to " + role);
    }
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties,
      @Value("${jixiao.database.app-role}") String appRole) {
    HikariDataSource dataSource = new HikariDataSource();
    // Local connections are trusted (zonky's initdb), as before; the role limits what they may do.
    dataSource.setJdbcUrl(postgres.getJdbcUrl(appRole, "postgres"));
    dataSource.setUsername(appRole);
    dataSource.setMaximumPoolSize(properties.poolSize());
    dataSource.setPoolName("jixiao-embedded");
    dataSource.setConnectionTimeout(10_000);
    return dataSource;
  }

  /** Flyway alone connects as the owner of our tables. */
  @Bean
  FlywayConfigurationCustomizer embeddedFlywayOwner(EmbeddedPostgres postgres) {
    return configuration -> configuration.dataSource(postgres.getPostgresDatabase());
  }
}
