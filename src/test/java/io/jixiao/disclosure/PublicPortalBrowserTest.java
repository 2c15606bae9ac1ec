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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal in a real browser (Debian's Chromium), with no login at all: the list, a search by
 * unit name, the package page, both downloads, verifying its hash, English, a phone's width.
 * Screenshots under target/screenshots/public-*.png, with the downloaded files and the PDF's first
 * and last page as PNG.
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
  void anAnonymousVisitorFindsReadsAndVerifiesAPublishedPackage() throws Exception {
    Packages packages = Packages.withTestTokens(http, json);
    int year = Packages.freshYear(jdbc);
    String id = createRich(packages, year);
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
      assertThat(page.locator("#attachment-1 table.costs").textContent()).contains("计生特殊家庭帮扶专项", "800000.00");
      assertThat(page.locator("#attachment-3-4 article.project h3").textContent()).isEqualTo("计生特殊家庭帮扶专项");
      assertThat(page.locator("#attachment-3-4 table.indicators tbody tr").count()).isEqualTo(3);
      assertThat(page.locator("#attachment-5 .narrative").first().textContent()).contains("一、基本情况", "县计生协编制5人");
      assertThat(page.locator("input, textarea, select").count()).isZero();
      Browser.screenshot(page, "public-03-package");

      // Both downloads; each file's SHA-256 is the one the page shows beside it.
      for (String kind : List.of("pdf", "xlsx")) {
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.click("#download-link-" + kind));
        java.nio.file.Path file = Browser.SCREENSHOTS.resolve("public-package." + kind);
        download.saveAs(file);
        assertThat(download.suggestedFilename()).endsWith("." + kind).startsWith(Packages.UNIT + "-" + year);
        String shown = page.locator("#download-" + kind + " code.file-hash").textContent();
        assertThat(PackageDocuments.sha256(java.nio.file.Files.readAllBytes(file))).isEqualTo(shown);
      }
      // The PDF's first and last pages as images beside the screenshots.
      try (var pdf = org.apache.pdfbox.Loader.loadPDF(Browser.SCREENSHOTS.resolve("public-package.pdf").toFile())) {
        var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
        javax.imageio.ImageIO.write(renderer.renderImageWithDPI(0, 110), "png",
            Browser.SCREENSHOTS.resolve("public-08-pdf-page-1.png").toFile());
        javax.imageio.ImageIO.write(renderer.renderImageWithDPI(pdf.getNumberOfPages() - 1, 110), "png",
            Browser.SCREENSHOTS.resolve("public-09-pdf-last-page.png").toFile());
      }

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

      // Verify a file: the browser works out its SHA-256 (the file is not sent); a tampered copy is nobody's.
      page.navigate(app("/public/verify"));
      page.setInputFiles("#verify-file", Browser.SCREENSHOTS.resolve("public-package.pdf"));
      page.waitForSelector("#verify-result");
      assertThat(page.locator("#verify-match [data-matched]").getAttribute("data-matched")).isEqualTo("pdf");
      assertThat(page.locator("#verify-match").textContent()).contains("新田县计划生育协会", "PDF 文件");
      Browser.screenshot(page, "public-10-verify-pdf-file");
      byte[] tampered = java.nio.file.Files.readAllBytes(Browser.SCREENSHOTS.resolve("public-package.pdf"));
      tampered[tampered.length / 2] ^= 1;
      java.nio.file.Path bad = Browser.SCREENSHOTS.resolve("public-package-tampered.pdf");
      java.nio.file.Files.write(bad, tampered);
      page.setInputFiles("#verify-file", bad);
      page.waitForSelector("#verify-no-match");
      assertThat(page.locator("#verify-no-match").textContent()).startsWith("不匹配");
      Browser.screenshot(page, "public-11-verify-tampered-file");
      page.navigate(app("/public/verify"));
      page.setInputFiles("#verify-file", Browser.SCREENSHOTS.resolve("public-package.xlsx"));
      page.waitForSelector("#verify-result");
      assertThat(page.locator("#verify-match [data-matched]").getAttribute("data-matched")).isEqualTo("xlsx");

      // In English nothing of the portal's own text is left in Chinese.
      for (String url : List.of("/public?lang=en", "/public/reports/" + id, "/public/verify")) {
        page.navigate(app(url));
        String untranslated = io.jixiao.support.Browser.untranslatedText(page, "");
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

  /** The clean package with every part filled: basic data, narrative, one project (附件3 and 附件4). */
  private String createRich(Packages packages, int year) {
    String id = packages.createFilled(year);
    tools.jackson.databind.node.ObjectNode content = packages.contentOf(id);
    var overall = (tools.jackson.databind.node.ObjectNode) content.get("overall");
    overall.put("supervisor", "新田县卫生健康局");
    var funds = (tools.jackson.databind.node.ArrayNode) overall.get("funds");
    funds.add(json.readTree("""
        {"line":"BASIC","label":"基本支出","initialBudget":800000.00,"adjustedBudget":800000.00,"executed":800000.00}"""));
    funds.add(json.readTree("""
        {"line":"PROJECT","label":"项目支出","initialBudget":200000.00,"adjustedBudget":200000.00,"executed":200000.00}"""));
    content.set("basicData", json.readTree("""
        {"establishment":5,"staffInPost":5,"costs":[
          {"line":"BASIC","label":"一、部门基本支出","priorYearFinal":780000.00,"budget":800000.00,"finalAccount":800000.00},
          {"line":"PROJECT","label":"二、项目支出小计","priorYearFinal":150000.00,"budget":200000.00,"finalAccount":200000.00},
          {"line":"PROJECT_ITEM","label":"计生特殊家庭帮扶专项","priorYearFinal":150000.00,"budget":200000.00,"finalAccount":200000.00}],
         "buildings":[],"frugality":"严格控制三公经费，厉行节约。"}"""));
    content.set("narrative", json.readTree("""
        [{"key":"basic","title":"一、基本情况","text":"县计生协编制5人，实有5人。","figures":[]},
         {"key":"performance","title":"六、部门整体支出绩效情况","text":"全年走访慰问困难家庭240户，服务对象满意度96%。","figures":[]},
         {"key":"problems","title":"七、存在的问题及原因分析","text":"基层工作人员不足。","figures":[]},
         {"key":"improvements","title":"八、下一步改进措施","text":"加强基层队伍建设。","figures":[]}]"""));
    content.set("projects", json.readTree("""
        [{"code":"P1","name":"计生特殊家庭帮扶专项",
          "report":{"budgetAmount":200000.00,"department":"新田县卫生健康局","purpose":"帮扶计生特殊家庭。",
                    "goalsAchieved":"帮扶240户，按时发放。"},
          "table":{"title":"计生特殊家庭帮扶专项","supervisor":"新田县卫生健康局","implementer":"新田县计划生育协会",
            "funds":[{"line":"TOTAL","label":"年度资金总额","initialBudget":200000.00,"adjustedBudget":200000.00,"executed":200000.00,"weight":10,"selfScore":10},
                     {"line":"CURRENT_YEAR","label":"当年财政拨款","initialBudget":200000.00,"adjustedBudget":200000.00,"executed":200000.00}],
            "goals":[{"expected":"帮扶计生特殊家庭240户","achieved":"帮扶240户"}],
            "indicators":[
              {"level1":"OUTPUT","level2":"数量指标","name":"帮扶家庭户数","target":"≥240户","actual":"240户","weight":50,"selfScore":50},
              {"level1":"BENEFIT","level2":"社会效益指标","name":"帮扶家庭生活改善","target":"≥95%","actual":"97%","weight":30,"selfScore":30},
              {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"帮扶对象满意度","target":"≥90%","actual":"95%","weight":10,"selfScore":10}]}}]"""));
    packages.save(id, content);
    JsonNode view = packages.preparer().get("/api/reports/{id}", id);
    content = packages.contentOf(id);
    var acknowledgements = content.putArray("acknowledgements");
    for (JsonNode finding : view.get("findings")) {
      assertThat(finding.get("severity").asString()).as(finding.toString()).isEqualTo("WARNING");
      acknowledgements.addObject().put("findingKey", finding.get("code").asString() + "@" + finding.get("path").asString())
          .put("note", "已核实");
    }
    packages.save(id, content);
    return id;
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
