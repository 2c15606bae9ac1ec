package io.jixiao.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.report.Stage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/backup.sh dumps the running embedded database (found from its data directory, as for the
 * default ./data/postgres) and scripts/restore.sh restores the dump into a fresh data directory;
 * the restored database holds every package, version, audit entry and lifecycle record, row for
 * row, the engine's tasks and history, the migration history Flyway validates, and the guards.
 */
@ApiTest
class BackupRestoreTest {

  /** Everything Jixiao keeps, and the engine's records of user steps. */
  static final List<String> TABLES = List.of("jixiao.report", "jixiao.report_version", "jixiao.audit_event",
      "jixiao.signature", "jixiao.approval", "jixiao.publication", "jixiao.published_package", "jixiao.review_comment", "jixiao.open_task",
      "jixiao.cycle", "jixiao.unit", "jixiao.template", "public.act_re_procdef", "public.act_ru_task",
      "public.act_hi_procinst", "public.act_hi_taskinst");

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient app;
  @Autowired EmbeddedPostgres postgres;
  @TempDir Path temp;

  @Test
  void aDumpRestoresIntoAFreshDatabaseWithEveryPackageVersionAndAuditEntry() throws Exception {
    Packages packages = Packages.withTestTokens(http, json);
    String published = packages.createFilled(Packages.freshYear(app));
    packages.advanceTo(published, Stage.PUBLISHED);
    String draft = packages.createFilled(Packages.freshYear(app));
    packages.advanceTo(draft, Stage.BUREAU_GUIDANCE);
    app.sql("insert into jixiao.review_comment (report_id, version, stage, path, body, author) "
        + "values (:r, 3, 'BUREAU_GUIDANCE', 'overall.indicators[1]', '请说明偏差原因', 'xintian.bureau')")
        .param("r", UUID.fromString(draft)).update();

    JdbcClient source = JdbcClient.create(postgres.getPostgresDatabase());
    Map<String, String> before = fingerprints(source);
    assertThat(count(source, "jixiao.report_version")).isGreaterThanOrEqualTo(4);
    assertThat(count(source, "jixiao.audit_event")).isGreaterThanOrEqualTo(10);
    assertThat(count(source, "jixiao.publication")).isPositive();

    String dataDir = source.sql("show data_directory").query(String.class).single();
    Path dump = temp.resolve("jixiao.dump");
    run("scripts/backup.sh", dataDir, dump.toString());
    assertThat(dump).isNotEmptyFile();

    Path restoredDir = temp.resolve("restored");
    run("scripts/restore.sh", restoredDir.toString(), dump.toString());

    try (EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(restoredDir.toFile())
        .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
      JdbcClient target = JdbcClient.create(restored.getPostgresDatabase());
      assertThat(fingerprints(target)).isEqualTo(before);
      for (String report : List.of(published, draft)) {
        assertThat(contentHashes(target, report)).isEqualTo(contentHashes(source, report)).isNotEmpty();
      }
      // The migration history still matches db/ and the guards came along.
      assertThat(Flyway.configure().dataSource(restored.getPostgresDatabase()).schemas("jixiao")
          .locations("classpath:db/migration", "classpath:db/demo").placeholders(Map.of("app_role", "jixiao_app"))
          .load().validateWithResult().validationSuccessful).isTrue();
      assertThatThrownBy(() -> target.sql("truncate jixiao.audit_event").update())
          .rootCause().hasMessageContaining("audit_event is append-only: TRUNCATE refused");
      JdbcClient restoredApp = JdbcClient.create(dataSourceAs(restored, "jixiao_app"));
      assertThat(restoredApp.sql("select count(*) from jixiao.audit_event").query(Long.class).single())
          .isEqualTo(count(source, "jixiao.audit_event"));
      assertThatThrownBy(() -> restoredApp.sql("delete from jixiao.audit_event").update())
          .rootCause().hasMessageContaining("permission denied for table audit_event");
    }
  }

  /** Per table: its row count and a hash over every row, in a fixed order. */
  static Map<String, String> fingerprints(JdbcClient db) {
    Map<String, String> prints = new LinkedHashMap<>();
    for (String table : TABLES) {
      prints.put(table, db.sql("select count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from "
          + table + " t").query(String.class).single());
    }
    return prints;
  }

  static List<String> contentHashes(JdbcClient db, String report) {
    return db.sql("select version || ' ' || content_hash || ' ' || md5(content::text) from jixiao.report_version "
        + "where report_id = :r order by version").param("r", UUID.fromString(report)).query(String.class).list();
  }

  static long count(JdbcClient db, String table) {
    return db.sql("select count(*) from " + table).query(Long.class).single();
  }

  static javax.sql.DataSource dataSourceAs(EmbeddedPostgres postgres, String user) {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl(postgres.getJdbcUrl(user, "postgres"));
    return dataSource;
  }

  /** Runs a script as a user would for the embedded default: no PG* variables, the data directory named. */
  void run(String script, String dataDir, String file) throws IOException, InterruptedException {
    Path log = temp.resolve(Path.of(script).getFileName() + ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", Path.of(script).toAbsolutePath().toString(), file)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("JIXIAO_EMBEDDED_POSTGRES_DATA_DIR", dataDir);
    Process process = builder.start();
    boolean done = process.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done && process.exitValue() == 0).as("%s failed:%n%s", script, Files.readString(log)).isTrue();
  }
}
