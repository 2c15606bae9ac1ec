package io.jixiao.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.report.Stage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail and everything else append-only cannot be rewritten: the app's own role lacks the
 * privileges, and the triggers refuse even the tables' owner (UPDATE, DELETE and TRUNCATE).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseGuardsTest {

  static final List<String> APPEND_ONLY = List.of("report_version", "audit_event", "signature", "approval", "publication",
      "published_package");

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  /** The app's connection: role jixiao_app. */
  @Autowired JdbcClient app;
  @Autowired EmbeddedPostgres postgres;

  JdbcClient owner;
  UUID report;

  @BeforeAll
  void publishedPackage() {
    owner = JdbcClient.create(postgres.getPostgresDatabase());
    Packages packages = Packages.withTestTokens(http, json);
    report = UUID.fromString(packages.createFilled(Packages.freshYear(app)));
    packages.advanceTo(report.toString(), Stage.PUBLISHED);
  }

  @Test
  void theAppConnectsAsARoleThatOwnsNoneOfOurTables() {
    String role = app.sql("select current_user").query(String.class).single();
    assertThat(role).isEqualTo("jixiao_app");
    assertThat(app.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
    assertThat(owner.sql("select count(*) from pg_tables where schemaname = 'jixiao'").query(Long.class).single()).isGreaterThan(10);
    assertThat(owner.sql("select tablename from pg_tables where schemaname = 'jixiao' and tableowner = :r")
        .param("r", role).query(String.class).list()).isEmpty();
    assertThatThrownBy(() -> app.sql("alter table jixiao.audit_event disable trigger user").update()).rootCause().hasMessageContaining("must be owner");
  }

  @Test
  void theAppRoleCannotUpdateDeleteOrTruncateTheAppendOnlyTables() {
    for (String table : APPEND_ONLY) {
      long rows = count(table);
      assertThat(rows).as(table).isPositive();
      assertThatThrownBy(() -> app.sql("update jixiao." + table + " set version = version where report_id = :r")
          .param("r", report).update()).rootCause().as(table).hasMessageContaining("permission denied for table " + table);
      assertThatThrownBy(() -> app.sql("delete from jixiao." + table + " where report_id = :r")
          .param("r", report).update()).rootCause().as(table).hasMessageContaining("permission denied for table " + table);
      assertThatThrownBy(() -> app.sql("truncate jixiao." + table + " cascade").update())
          .rootCause().as(table).hasMessageContaining("permission denied for table " + table);
      assertThat(count(table)).as(table).isEqualTo(rows);
    }
  }

  @Test
  void theTriggersRefuseEvenTheOwner() {
    for (String table : APPEND_ONLY) {
      long rows = count(table);
      assertThatThrownBy(() -> owner.sql("update jixiao." + table + " set version = version where report_id = :r")
          .param("r", report).update()).rootCause().as(table).hasMessageContaining(table + " is append-only: UPDATE refused");
      assertThatThrownBy(() -> owner.sql("delete from jixiao." + table + " where report_id = :r")
          .param("r", report).update()).rootCause().as(table).hasMessageContaining(table + " is append-only: DELETE refused");
      assertThatThrownBy(() -> owner.sql("truncate jixiao." + table).update())
          .rootCause().as(table).hasMessageContaining(table + " is append-only: TRUNCATE refused");
      assertThat(count(table)).as(table).isEqualTo(rows);
    }
    // A cascade from the packages themselves reaches the same triggers.
    assertThatThrownBy(() -> owner.sql("truncate jixiao.report cascade").update()).rootCause().hasMessageContaining("is append-only: TRUNCATE refused");
    assertThat(owner.sql("select count(*) from jixiao.report where id = :r").param("r", report).query(Long.class).single()).isOne();
  }

  @Test
  void aCommentIsResolvedOnceAndOtherwiseNeverChanges() {
    long id = app.sql("""
        insert into jixiao.review_comment (report_id, version, stage, path, body, author)
        values (:r, 1, 'BUREAU_GUIDANCE', 'overall.indicators[0]', '请补充依据', 'xintian.bureau') returning id
        """).param("r", report).query(Long.class).single();

    for (JdbcClient who : List.of(app, owner)) {
      assertThatThrownBy(() -> who.sql("update jixiao.review_comment set body = '已改写' where id = :id").param("id", id).update()).rootCause().hasMessageContaining("review_comment is append-only: UPDATE refused");
      assertThatThrownBy(() -> who.sql("update jixiao.review_comment set resolved_by = 'x', resolved_at = now(), author = 'x' where id = :id")
          .param("id", id).update()).rootCause().hasMessageContaining("review_comment is append-only: UPDATE refused");
    }
    assertThat(app.sql("update jixiao.review_comment set resolved_by = 'xintian.preparer', resolved_at = now() where id = :id")
        .param("id", id).update()).isOne();
    assertThatThrownBy(() -> app.sql("update jixiao.review_comment set resolved_by = 'someone.else', resolved_at = now() where id = :id")
        .param("id", id).update()).rootCause().hasMessageContaining("review_comment is append-only: UPDATE refused");
    assertThatThrownBy(() -> owner.sql("update jixiao.review_comment set resolved_by = null, resolved_at = null where id = :id")
        .param("id", id).update()).rootCause().hasMessageContaining("review_comment is append-only: UPDATE refused");

    assertThatThrownBy(() -> app.sql("delete from jixiao.review_comment where id = :id").param("id", id).update()).rootCause().hasMessageContaining("permission denied for table review_comment");
    assertThatThrownBy(() -> owner.sql("delete from jixiao.review_comment where id = :id").param("id", id).update()).rootCause().hasMessageContaining("review_comment is append-only: DELETE refused");
    assertThatThrownBy(() -> owner.sql("truncate jixiao.review_comment").update()).rootCause().hasMessageContaining("review_comment is append-only: TRUNCATE refused");

    assertThat(owner.sql("select body || '|' || author || '|' || resolved_by from jixiao.review_comment where id = :id")
        .param("id", id).query(String.class).single()).isEqualTo("请补充依据|xintian.bureau|xintian.preparer");
  }

  long count(String table) {
    return owner.sql("select count(*) from jixiao." + table + " where report_id = :r").param("r", report).query(Long.class).single();
  }
}
