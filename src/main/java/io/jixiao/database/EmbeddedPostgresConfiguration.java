package io.jixiao.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 */
@Configuration(proxyBeanMethods = false)
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
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
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
    log.info("Embedded PostgreSQL on {} (data: {})", postgres.getJdbcUrl("postgres", "postgres"),
        StringUtils.hasText(properties.dataDir()) ? properties.dataDir() : "temporary");
    return postgres;
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(properties.poolSize());
    dataSource.setPoolName("jixiao-embedded");
    dataSource.setConnectionTimeout(10_000);
    return dataSource;
  }
}
