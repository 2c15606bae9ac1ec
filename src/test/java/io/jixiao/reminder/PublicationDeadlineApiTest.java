package io.jixiao.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jixiao.cycle.PublicationDeadline;
import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.flowable.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 公开期限 on the package API and pages: the cycle's days after finance's approval; judged against today
 * (the application's clock) until published, and against the publication after — a late package stays
 * flagged, with its days late, on the staff side and in the public record.
 */
@ApiTest
class PublicationDeadlineApiTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedPostgres postgres;
  @Autowired ProcessEngineConfiguration engine;
  @Autowired MockMvc mvc;

  @AfterEach
  void resetClock() {
    engine.getClock().reset();
  }

  @Test
  void theDeadlineFollowsTheApprovalAndALatePublicationStaysFlagged() throws Exception {
    Packages packages = Packages.withTestTokens(http, json);
    Api preparer = packages.preparer();
    int year = Packages.freshYear(jdbc);
    jdbc.sql("update jixiao.cycle set publication_days = 10 where region_code = 'xintian' and year = :y")
        .param("y", year).update();
    String id = packages.createFilled(year);
    assertThat(preparer.get("/api/reports/{id}/lifecycle", id).get("publicationDeadline").isNull()).isTrue();
    packages.advanceTo(id, Stage.DISCLOSURE);

    JsonNode state = preparer.get("/api/reports/{id}/lifecycle", id);
    OffsetDateTime approvedAt = OffsetDateTime.parse(state.get("approval").get("approvedAt").asString());
    LocalDate deadline = PublicationDeadline.deadline(approvedAt, 10);
    JsonNode due = state.get("publicationDeadline");
    assertThat(due.get("deadline").asString()).isEqualTo(deadline.toString());
    assertThat(due.get("published").asBoolean()).isFalse();
    assertThat(due.get("late").asBoolean()).isFalse();
    assertThat(due.get("daysLate").asLong()).isZero();

    // Fifteen days on (the application's clock), still unpublished: five days late.
    engine.getClock().setCurrentTime(Date.from(approvedAt.toInstant().plus(Duration.ofDays(15))));
    due = preparer.get("/api/reports/{id}/lifecycle", id).get("publicationDeadline");
    assertThat(due.get("late").asBoolean()).isTrue();
    assertThat(due.get("daysLate").asLong()).isEqualTo(5);
    engine.getClock().reset();

    // Finance's approval dated twelve days back (as if it had waited that long), then published now: two days late.
    JdbcClient.create(postgres.getPostgresDatabase()).sql("""
        insert into jixiao.approval (report_id, version, content_hash, approved_by, approved_at)
        select report_id, version, content_hash, approved_by, approved_at - interval '12 days'
          from jixiao.approval where report_id = :r order by id desc limit 1
        """).param("r", UUID.fromString(id)).update();
    packages.approve(id); // DISCLOSURE → PUBLISHED
    due = preparer.get("/api/reports/{id}/lifecycle", id).get("publicationDeadline");
    assertThat(due.get("published").asBoolean()).isTrue();
    assertThat(due.get("late").asBoolean()).isTrue();
    long late = due.get("daysLate").asLong();
    assertThat(late).isEqualTo(2);

    // Later days change nothing: the publication is what is judged.
    engine.getClock().setCurrentTime(Date.from(approvedAt.toInstant().plus(Duration.ofDays(100))));
    assertThat(preparer.get("/api/reports/{id}/lifecycle", id).get("publicationDeadline").get("daysLate").asLong())
        .isEqualTo(late);

    // The package page says so; the public record too, with the cycle's 10 days.
    var page = Jsoup.parse(mvc.perform(get("/reports/{id}", id)
            .with(authentication(RunAs.authentication("xintian.preparer", Role.PREPARER, List.of("xintian-jsx")))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.selectFirst("#publication-late").text()).isEqualTo("逾期 2 天");
    byte[] body = http.get().uri("/public/api/reports/{id}", id).exchange().expectStatus().isOk()
        .returnResult(byte[].class).getResponseBody();
    JsonNode publication = json.readTree(body).get("publication");
    assertThat(publication.get("publishedOnTime").asBoolean()).isFalse();
    assertThat(publication.get("daysLate").asLong()).isEqualTo(2);
    assertThat(publication.get("deadline").asString()).isEqualTo(PublicationDeadline.deadline(
        OffsetDateTime.parse(publication.get("approvedAt").asString()), 10).toString());
    String portal = new String(http.get().uri("/public/reports/{id}", id).exchange().expectStatus().isOk()
        .returnResult(byte[].class).getResponseBody(), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(portal).selectFirst(".days-late").text()).isEqualTo("（晚于期限 2 天）");
  }
}
