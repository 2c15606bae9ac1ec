package io.jixiao.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  where the embedded database keeps its files; blank means a temporary directory
 * @param port     0 picks a free port
 * @param poolSize connection pool size
 */
@ConfigurationProperties("jixiao.embedded-postgres")
record EmbeddedPostgresProperties(
    @DefaultValue("./data/postgres") String dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("20") int poolSize) {}
