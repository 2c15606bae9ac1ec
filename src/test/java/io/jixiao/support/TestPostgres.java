package io.jixiao.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL of the test's own (temporary data directory, free port) for app processes to
 * share, read back directly by the test as the nodes' common ground truth.
 */
public final class TestPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final JdbcClient jdbc;

  private TestPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
  }

  public static TestPostgres start() {
    try {
      // max_connections: two or three nodes' pools plus the engine's executors and the test.
      return new TestPostgres(EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a node's {@code spring.datasource.url} is (user postgres, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
