package io.jixiao.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.jixiao.report.Stage;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Browser;
import io.jixiao.support.Packages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal in a real browser (Debian's Chromium), with no login at all: the list, a search by
 * unit name, the package page, verifying its hash, English, a phone's width. Screenshots under
 * target/screenshots/public-*.png.
 */
@Tag("browser")
@ApiTest
class PublicPortalBrowserTest {

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  final List<String> cspViolations = new CopyOnWriteArrayList<>();

  @Test
  void anAnonymousVisitorFindsReadsAndVerifiesAPublishedPackage() {
    Packages packages = Packages.withTestTokens(http, json);
    int year = Packages.freshYear(jdbc);
    String id = packages.createFilled(year);
    packages.advanceTo(id, Stage.PUBLISHED);
    int draftYear = Packages.freshYear(jdbc);
    String draft = packages.createFilled(draftYear);
    String hash = packages.preparer().get("/api/reports/{id}/lifecycle", id).get("publication").get("contentHash")
        .asString();

    try (Browser browser = Browser.launch()) {
      Page page = watched(browser.newPage());
      Response list = page.navigate(app("/public"));
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.headers().get("content-security-policy")).contains("script-src 'self'", "frame-ancestors 'none'");
      assertThat(page.locator("h1").textContent()).isEqualTo("已公开的绩效自评报告");
      Browser.screenshot(page, "public-01-list");

      // Search by unit name and year, with the form.
      page.selectOption("#filter-year", String.valueOf(year));
      page.fill("#filter-unit", "计划生育");
      page.click("#search");
      page.waitForLoadState();
      assertThat(page.url()).contains("q=").contains("year=" + year);
      assertThat(page.locator("tr[data-report]").count()).isEqualTo(1);
      assertThat(page.locator("tr[data-report='" + id + "']").count()).isEqualTo(1);
      assertThat(page.locator("#result-count").textContent()).isEqualTo("共 1 份");
      Browser.screenshot(page, "public-02-search");
      page.navigate(app("/public?year=" + draftYear));
      assertThat(page.locator("#no-results").count()).isEqualTo(1);
      assertThat(page.content()).doesNotContain(draft);

      // The package page: the official tables, read-only, with the record and the hash.
      page.navigate(app("/public?year=" + year));
      page.click("tr[data-report='" + id + "'] a.unit-link");
      page.waitForLoadState();
      assertThat(page.url()).endsWith("/public/reports/" + id);
      assertThat(page.locator("#content-hash").textContent()).isEqualTo(hash);
      assertThat(page.locator("#on-time").textContent()).isEqualTo("按时");
      assertThat(page.locator("#attachment-2 table.indicators tbody tr").count()).isEqualTo(3);
      assertThat(page.locator("#attachment-2 .indicator-name").first().textContent()).isEqualTo("走访慰问困难家庭");
      assertThat(page.locator("#downloads").isVisible()).isTrue();
      assertThat(page.locator("input, textarea, select").count()).isZero();
      Browser.screenshot(page, "public-03-package");

      // Verify: the right hash names the package and version, a wrong one matches nothing.
      page.click("#nav-verify");
      page.waitForLoadState();
      page.fill("#verify-hash", hash);
      page.click("#verify");
      page.waitForLoadState();
      assertThat(page.locator("#verify-match").textContent()).contains("新田县计划生育协会", year + " 年度");
      Browser.screenshot(page, "public-04-verify-match");
      page.fill("#verify-hash", "f".repeat(64));
      page.click("#verify");
      page.waitForLoadState();
      assertThat(page.locator("#verify-no-match").textContent()).startsWith("不匹配");
      Browser.screenshot(page, "public-05-verify-no-match");

      // In English nothing of the portal's own text is left in Chinese.
      for (String url : List.of("/public?lang=en", "/public/reports/" + id, "/public/verify")) {
        page.navigate(app(url));
        String untranslated = (String) page.evaluate("""
            () => {
              const out = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode;
                if (node.parentElement.closest('[lang=zh], [data-user-content], script, style')) continue;
                if (/[\\u3400-\\u9fff]/.test(node.textContent)) out.push(node.textContent.trim());
              }
              return out.join(' | ');
            }""");
        assertThat(untranslated).as(url).isEmpty();
      }
      page.navigate(app("/public/reports/" + id));
      Browser.screenshot(page, "public-06-package-en");
      page.navigate(app("/public/reports/" + draft + "?lang=zh_CN"));
      assertThat(page.locator("h1").textContent()).isEqualTo("未找到已公开的报告");
      Browser.screenshot(page, "public-07-not-published");

      // A phone's width: nothing overflows but the tables' own scrolling boxes.
      BrowserContext phone = browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setViewportSize(390, 844));
      Page small = watched(phone.newPage());
      for (String url : List.of("/public", "/public/reports/" + id, "/public/verify")) {
        small.navigate(app(url));
        int overflow = ((Number) small.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        Browser.screenshot(small, "public-phone" + url.replaceAll("/[0-9a-f-]{36}", "/report").replace('/', '-'));
        assertThat(overflow).as("horizontal overflow on " + url).isLessThanOrEqualTo(0);
      }
      phone.close();
    }
    assertThat(cspViolations).isEmpty();
  }

  private Page watched(Page page) {
    page.onConsoleMessage(message -> {
      if (message.text().contains("Content Security Policy")) {
        cspViolations.add(page.url() + ": " + message.text());
      }
    });
    return page;
  }

  private String app(String path) {
    return "http://localhost:" + port + path;
  }
}
