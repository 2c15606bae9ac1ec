package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CREATED;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.jixiao.reminder.Notifications;
import io.jixiao.reminder.ReminderKind;
import io.jixiao.reminder.Reminders;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Browser;
import io.jixiao.support.PageSession;
import io.jixiao.support.Packages;
import io.jixiao.workflow.OpenTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** In Chromium: the bell shows the unread count; "标为已读" marks one read in place and the bell counts down. */
@ApiTest
class NotificationsBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired OpenTasks openTasks;
  @Autowired Reminders reminders;
  @Autowired Notifications notifications;

  @Test
  void markingANotificationReadCountsTheBellDown() {
    Packages packages = Packages.withTestTokens(http, json);
    int year = Packages.freshYear(jdbc);
    String id = packages.preparer().post(CREATED, Map.of("unitCode", "xintian-jsx", "year", year), "/api/reports")
        .get("id").asString();
    assertThat(reminders.fire(openTasks.forReport(UUID.fromString(id)).orElseThrow(), ReminderKind.REMINDER)).isTrue();
    long notification = notifications.of("xintian.preparer").stream()
        .filter(n -> n.reportId().toString().equals(id)).findFirst().orElseThrow().id();
    int unread = notifications.unread("xintian.preparer");

    try (Browser browser = Browser.launch()) {
      BrowserContext session = browser.context();
      session.addCookies(List.of(new Cookie(PageSession.COOKIE, PageSession.of(context, "xintian.preparer"))
          .setDomain("localhost").setPath("/")));
      Page page = session.newPage();
      List<String> refused = new ArrayList<>();
      page.onConsoleMessage(message -> {
        if (message.text().contains("Content Security Policy")) {
          refused.add(message.text());
        }
      });
      page.navigate("http://localhost:" + port + "/tasks");
      PlaywrightAssertions.assertThat(page.locator("#notification-count")).hasText(String.valueOf(unread));
      page.waitForNavigation(() -> page.locator("#notification-bell").click());
      assertThat(page.url()).endsWith("/notifications");
      var item = page.locator("#notification-" + notification);
      PlaywrightAssertions.assertThat(item).hasClass(java.util.regex.Pattern.compile("\\bunread\\b"));
      Browser.screenshot(page, "notifications");
      item.locator("button.mark-read").click();
      PlaywrightAssertions.assertThat(item).hasClass(java.util.regex.Pattern.compile("\\bread\\b"));
      PlaywrightAssertions.assertThat(item.locator("button.mark-read")).hasCount(0);
      if (unread > 1) {
        PlaywrightAssertions.assertThat(page.locator("#notification-count")).hasText(String.valueOf(unread - 1));
      } else {
        PlaywrightAssertions.assertThat(page.locator("#notification-count")).hasCount(0);
      }
      assertThat(notifications.unread("xintian.preparer")).isEqualTo(unread - 1);
      assertThat(refused).isEmpty();
    }
  }
}
