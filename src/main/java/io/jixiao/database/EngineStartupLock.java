package io.jixiao.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at once on one database build their process engines one at a time: the engine
 * creates or updates its schema and deploys bpmn/ while this node holds a PostgreSQL advisory
 * lock, so a second node finds the tables and the deployment made and does neither again.
 * (Flowable's own schema lock lives in a table of that schema, so it cannot guard an empty
 * database.) Taken when the engine is configured, released once every singleton — the engine
 * and its deployment included — exists; a node that dies holding it releases it with its connection.
 */
@Component
class EngineStartupLock implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration>,
    SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(EngineStartupLock.class);
  private static final String KEY = "hashtext('jixiao.engine-startup')";

  private final DataSource dataSource;
  private Connection held;

  EngineStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void configure(SpringProcessEngineConfiguration configuration) {
    long started = System.nanoTime();
    try {
      held = dataSource.getConnection();
      held.setAutoCommit(true);
      try (Statement statement = held.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
    } catch (SQLException e) {
      release();
      throw new IllegalStateException("cannot take the engine start-up lock", e);
    }
    long waited = (System.nanoTime() - started) / 1_000_000;
    if (waited > 500) {
      log.info("Waited {} ms for another node to finish building its process engine", waited);
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Could not release the engine start-up lock (it ends with the connection): {}", e.toString());
    } finally {
      held = null;
    }
  }
}
