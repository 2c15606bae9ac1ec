package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CREATED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jixiao.reminder.Notifications;
import io.jixiao.reminder.ReminderKind;
import io.jixiao.reminder.Reminders;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.workflow.OpenTasks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The header's bell counts the viewer's unread notifications; the list marks one read in place (htmx). */
@ApiTest
class NotificationPagesTest {

  static final JwtAuthenticationToken PREPARER = RunAs.authentication("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"));
  static final JwtAuthenticationToken HEAD = RunAs.authentication("xintian.head", Role.UNIT_HEAD, List.of("xintian-jsx"));

  @Autowired MockMvc mvc;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired OpenTasks openTasks;
  @Autowired Reminders reminders;
  @Autowired Notifications notifications;

  String page(JwtAuthenticationToken who, String uri) throws Exception {
    return mvc.perform(get(uri).with(authentication(who))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theBellCountsUnreadAndTheListMarksOneRead() throws Exception {
    Packages packages = Packages.withTestTokens(http, json);
    int year = Packages.freshYear(jdbc);
    String id = packages.preparer().post(CREATED, Map.of("unitCode", "xintian-jsx", "year", year), "/api/reports")
        .get("id").asString();
    assertThat(reminders.fire(openTasks.forReport(UUID.fromString(id)).orElseThrow(), ReminderKind.REMINDER)).isTrue();
    Notifications.Notification mine = notifications.of("xintian.preparer").stream()
        .filter(n -> n.reportId().toString().equals(id)).findFirst().orElseThrow();
    int unread = notifications.unread("xintian.preparer");

    Document tasks = Jsoup.parse(page(PREPARER, "/tasks"));
    assertThat(tasks.selectFirst("header #notification-bell").attr("href")).isEqualTo("/notifications");
    assertThat(tasks.selectFirst("#notification-count").text()).isEqualTo(String.valueOf(unread));
    assertThat(tasks.selectFirst("#notification-bell").attr("aria-label")).isEqualTo("通知，未读 " + unread + " 条");

    Document list = Jsoup.parse(page(PREPARER, "/notifications"));
    var item = list.selectFirst("#notification-" + mine.id());
    assertThat(item.hasClass("unread")).isTrue();
    assertThat(item.text()).contains("催办", mine.subject());
    assertThat(item.selectFirst("a[href=/reports/" + id + "]")).isNotNull();
    assertThat(item.selectFirst("button.mark-read").attr("hx-post")).isEqualTo("/notifications/" + mine.id() + "/read");
    assertThat(page(PREPARER, "/notifications?lang=en")).contains("Mark read").doesNotContain("??");

    // Nobody else sees it, or may mark it.
    assertThat(Jsoup.parse(page(HEAD, "/notifications")).selectFirst("#notification-" + mine.id())).isNull();
    mvc.perform(post("/notifications/{n}/read", mine.id()).with(authentication(HEAD)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/notifications/{n}/read", mine.id()).with(authentication(PREPARER)))
        .andExpect(status().isForbidden()); // no CSRF token

    String fragment = mvc.perform(post("/notifications/{n}/read", mine.id()).with(authentication(PREPARER)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    Document swapped = Jsoup.parseBodyFragment(fragment);
    assertThat(swapped.selectFirst("#notification-" + mine.id()).hasClass("read")).isTrue();
    assertThat(swapped.selectFirst("button.mark-read")).isNull();
    var bell = swapped.selectFirst("#notification-bell");
    assertThat(bell.attr("hx-swap-oob")).isEqualTo("true");
    assertThat(bell.attr("aria-label")).isEqualTo("通知，未读 " + (unread - 1) + " 条");
    assertThat(notifications.unread("xintian.preparer")).isEqualTo(unread - 1);
  }
}
