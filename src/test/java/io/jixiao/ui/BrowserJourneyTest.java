package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.jixiao.report.ReportService;
import io.jixiao.security.LocalKeycloak;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole journey in a real browser (Debian's Chromium) against the app and a real Keycloak:
 * a preparer fills and submits a package after fixing what the page flags, the unit head signs,
 * the bureau returns it with a comment, the preparer fixes and resubmits, the head signs again,
 * the bureau passes it, finance scores and approves, the administrator publishes. Every page
 * visited is saved under target/screenshots/.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jixiao.keycloak.launch=true",
    "jixiao.keycloak.jwt-public-key-location=",
    "jixiao.keycloak.home-dir=target/keycloak"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyTest {

  static final int KEYCLOAK_PORT = freePort();
  static final int YEAR = 2041;
  static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");

  @DynamicPropertySource
  static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("jixiao.keycloak.url", () -> "http://localhost:" + KEYCLOAK_PORT);
  }

  @Autowired LocalKeycloak keycloak;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Autowired ReportService reports;

  Browser browser;
  final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** A package of its own for the tests that only look at pages, so no test depends on another having run. */
  String reportUrl;
  int shot;

  @BeforeAll
  void start() throws IOException {
    if (!keycloak.awaitReady(Duration.ofMinutes(5))) {
      Path log = Path.of("target/keycloak/keycloak.log");
      throw new IllegalStateException("Keycloak did not start:\n" + (Files.exists(log) ? tail(log) : "(no log)"));
    }
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values ('xintian', :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("y", YEAR).param("due", java.time.LocalDate.now().plusDays(30)).update();
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values ('xintian', :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("y", YEAR + 1).param("due", java.time.LocalDate.now().plusDays(30)).update();
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values ('xintian', :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("y", YEAR + 2).param("due", java.time.LocalDate.now().plusDays(30)).update();
    java.util.UUID shown = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"),
        () -> reports.create("xintian-jsx", YEAR + 1).id());
    reportUrl = app("/reports/" + shown);
    browser = Browser.launch();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theWholeLifecycleInTheBrowser() {
    // 填表人: create, fill, see the findings, fix them, save, submit.
    Page preparer = login("xintian.preparer");
    preparer.navigate(app("/reports"));
    snap(preparer, "preparer-reports");
    preparer.selectOption("select[name=unitCode]", "xintian-jsx");
    preparer.fill("input[name=year]", String.valueOf(YEAR));
    go(preparer, "form.create button[type=submit]");
    String reportUrl = preparer.url();
    assertThat(preparer.locator("#stage").textContent()).isEqualTo("填报");
    snap(preparer, "preparer-new-package");

    preparer.fill("#f-overall-funds-TOTAL-initialBudget", "1000000");
    preparer.fill("#f-overall-funds-TOTAL-adjustedBudget", "1000000");
    preparer.fill("#f-overall-funds-TOTAL-executed", "950000");
    preparer.fill("input[name='overall.funds[0].weight']", "10");
    preparer.fill("#f-overall-funds-TOTAL-selfScore", "9.5");
    for (int i = 0; i < 3; i++) {
      go(preparer, "button.add-row");
      preparer.locator("select[name='overall.indicators[" + i + "].level1']").waitFor();
    }
    fillRow(preparer, 0, "OUTPUT", "数量指标", "走访慰问困难家庭", "≥240户", "240户", "60", "60");
    fillRow(preparer, 1, "BENEFIT", "社会效益指标", "困难家庭得到帮扶", "≥95%", "96%", "20", "20");
    fillRow(preparer, 2, "SATISFACTION", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", "10", "10");
    preparer.fill("textarea[name='narrative[0].text']", "县计生协编制5人，实际在职5人。");
    // The outline's required sections (六、七、八) and the whole filling block: without them the package is incomplete.
    preparer.fill("textarea[name='narrative[5].text']", "走访慰问困难家庭240户，预算执行完毕。");
    preparer.fill("textarea[name='narrative[6].text']", "无重大问题。");
    preparer.fill("textarea[name='narrative[7].text']", "继续加强预算绩效管理。");
    preparer.fill("input[name='filling.phone']", "13874763461");
    preparer.fill("input[name='filling.preparer']", "肖桂芳");
    preparer.fill("input[name='filling.date']", (YEAR + 1) + "-03-01");
    go(preparer, "#save");
    // 10 + 60 + 20 + 10 = 100 but the weights of the rows and funds add to 100 only with 50: the page says so.
    Locator findings = preparer.locator("#live .findings");
    assertThat(findings.locator("li[data-code=WEIGHTS_NOT_100]").count()).isEqualTo(0);
    preparer.fill("input[name='overall.indicators[1].weight']", "30");
    preparer.fill("input[name='overall.indicators[1].selfScore']", "30");
    preparer.locator("input[name='overall.indicators[1].selfScore']").blur();
    // The live preview (htmx) flags the sum before anything is saved.
    preparer.waitForSelector("#live li[data-code=WEIGHTS_NOT_100]");
    snap(preparer, "preparer-finding-shown");
    assertThat(preparer.locator("#submit").isDisabled()).isTrue();
    preparer.click("#live li[data-code=WEIGHTS_NOT_100] a");
    preparer.fill("input[name='overall.indicators[0].weight']", "50");
    preparer.fill("input[name='overall.indicators[0].selfScore']", "50");
    preparer.locator("input[name='overall.indicators[0].selfScore']").blur();
    // Playwright's assertions wait for the live preview to catch up with the last keystroke.
    PlaywrightAssertions.assertThat(preparer.locator("#total-score")).hasText("99.50");
    PlaywrightAssertions.assertThat(preparer.locator("#live li[data-code=WEIGHTS_NOT_100]")).hasCount(0);
    go(preparer, "#save");
    // Warnings are acknowledged, then saved with the package.
    for (Locator ack : preparer.locator("#live input[name=ack]").all()) {
      ack.check();
    }
    go(preparer, "#save");
    assertThat(preparer.locator("#live li.ERROR").count()).isZero();
    assertThat(preparer.locator("#submit").isEnabled()).isTrue();
    snap(preparer, "preparer-ready-to-submit");
    go(preparer, "#submit");
    assertThat(preparer.locator("#stage").textContent()).isEqualTo("单位负责人签字");
    snap(preparer, "preparer-submitted");
    preparer.context().close();

    // 单位负责人: finds it in the queue, reads the hash, signs.
    sign("first");

    // 主管部门: comments on a row and returns with a reason.
    Page bureau = openFromTasks("xintian.bureau");
    bureau.selectOption("#comment-path", "overall.indicators[0]");
    bureau.fill("#comment-body", "请补充走访名单，核实户数");
    go(bureau, "#add-comment");
    assertThat(bureau.locator("#comments li").count()).isEqualTo(1);
    bureau.fill("#return-reason", "请按意见补充后重新提交");
    go(bureau, "#return");
    assertThat(bureau.locator("#stage").textContent()).isEqualTo("填报");
    snap(bureau, "bureau-returned");
    bureau.context().close();

    // 填表人: sees the comment beside its row, fixes, resolves, resubmits.
    Page again = login("xintian.preparer");
    again.navigate(reportUrl);
    assertThat(again.locator("tr.row-comments").first().textContent()).contains("请补充走访名单");
    snap(again, "preparer-sees-guidance");
    again.fill("input[name='overall.indicators[0].actual']", "241户");
    go(again, "#save");
    assertThat(again.locator("#signature").getAttribute("class")).contains("void");
    for (Locator ack : again.locator("#live input[name=ack]:not(:checked)").all()) {
      ack.check();
    }
    go(again, "#save");
    go(again, "#comments form.inline button");
    assertThat(again.locator("#comments li.resolved").count()).isEqualTo(1);
    go(again, "#submit");
    assertThat(again.locator("#stage").textContent()).isEqualTo("单位负责人签字");
    again.context().close();

    sign("second");

    Page bureauPass = openFromTasks("xintian.bureau");
    go(bureauPass, "#approve");
    assertThat(bureauPass.locator("#stage").textContent()).isEqualTo("财政复核");
    bureauPass.context().close();

    // 财政局: review scores beside self scores, both totals, approve.
    Page finance = openFromTasks("xintian.finance");
    finance.fill("input[name='review.overall.indicators[0]']", "45");
    go(finance, "#save-review");
    assertThat(finance.locator("#total-score").textContent()).isEqualTo("99.50");
    assertThat(finance.locator("#review-total").textContent()).isEqualTo("94.50");
    snap(finance, "finance-scored");
    go(finance, "#approve");
    assertThat(finance.locator("#stage").textContent()).isEqualTo("公开");
    finance.context().close();

    // 管理员: publishes (with a confirmation).
    Page admin = openFromTasks("admin");
    assertThat(admin.locator("#editor input[readonly]").count()).isPositive();
    admin.onceDialog(dialog -> dialog.accept());
    go(admin, "#approve");
    assertThat(admin.locator("#stage").textContent()).isEqualTo("已公开");
    assertThat(admin.locator("#published").count()).isEqualTo(1);
    snap(admin, "admin-published");
    admin.navigate(reportUrl + "/history");
    assertThat(admin.locator(".timeline li").count()).isGreaterThan(10);
    assertThat(admin.locator(".diagram svg .current").count()).isEqualTo(1);
    snap(admin, "history");
    admin.click("form.logout button");
    admin.waitForLoadState();
    snap(admin, "logged-out");
    admin.navigate(app("/tasks"));
    snap(admin, "login-page-after-logout");
    assertThat(admin.url()).contains("/realms/jixiao/");
    admin.context().close();
  }

  @Test
  void editingOneCellInTheBrowserKeepsTheNarrativesStatedFigures() {
    var figure = new io.jixiao.form.StatedFigure("项目支出", new java.math.BigDecimal("525000.00"),
        List.of(new java.math.BigDecimal("300000.00"), new java.math.BigDecimal("225000.00")), "overall.funds[PROJECT].executed");
    var content = new io.jixiao.form.ReportContent(null, null, List.of(new io.jixiao.form.NarrativeSection("basic",
        "一、基本情况", "项目支出52.5万元。", List.of(figure))), List.of(),
        new io.jixiao.form.Filling("张三", null, null), List.of());
    java.util.UUID id = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> {
      var report = reports.create("xintian-jsx", YEAR + 2);
      return reports.save(report.id(), report.latestVersion(), content).id();
    });
    Page page = login("xintian.preparer");
    page.navigate(app("/reports/" + id));
    page.fill("input[name='filling.preparer']", "李四");
    go(page, "#save");
    assertThat(page.locator(".notice").textContent()).contains("3");
    snap(page, "figures-kept-after-save");

    var saved = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> reports.snapshot(id).content());
    assertThat(saved.filling().preparer()).isEqualTo("李四");
    assertThat(saved.narrative()).singleElement().satisfies(section -> {
      assertThat(section.text()).isEqualTo("项目支出52.5万元。");
      assertThat(section.figures()).containsExactly(figure);
    });
  }

  /** Issue 12: figures saved from the text are shown beside it; dismiss and confirm go through htmx. */
  @Test
  void thePreparerDismissesAndConfirmsFiguresExtractedFromTheText() {
    int year = YEAR + 3;
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values ('xintian', :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("y", year).param("due", java.time.LocalDate.now().plusDays(30)).update();
    var total = new io.jixiao.form.FundsRow(io.jixiao.form.FundsLine.TOTAL, "年度资金总额", new java.math.BigDecimal("1000000.00"),
        new java.math.BigDecimal("1000000.00"), new java.math.BigDecimal("1000000.00"), null, null, null, null);
    var content = new io.jixiao.form.ReportContent(null, new io.jixiao.form.SelfEvaluationTable("新田县计划生育协会", null, null,
        List.of(total), List.of(), List.of(), null, null), List.of(), List.of(), null, List.of());
    java.util.UUID id = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> {
      var report = reports.create("xintian-jsx", year);
      return reports.save(report.id(), report.latestVersion(), content).id();
    });
    Page page = login("xintian.preparer");
    page.navigate(app("/reports/" + id));
    page.fill("textarea[name='narrative[0].text']", "各级财政划拨资金共计120万元，支出100万元。");
    go(page, "#save");
    Locator first = page.locator("#f-narrative-basic-figures-0");
    assertThat(first.locator("mark").textContent()).isEqualTo("120万元");
    assertThat(first.getAttribute("data-source")).isEqualTo("EXTRACTED");
    assertThat(first.locator(".findings-inline li").count()).as("the mismatch beside the figure").isEqualTo(1);

    go(page, "#f-narrative-basic-figures-0 button.figure-dismiss");
    assertThat(page.url()).contains("/reports/" + id + "?v=4");
    assertThat(page.locator("#f-narrative-basic-figures-0").getAttribute("data-source")).isEqualTo("DISMISSED");
    go(page, "#f-narrative-basic-figures-1 button.figure-confirm");
    assertThat(page.locator("#f-narrative-basic-figures-1").getAttribute("data-source")).isEqualTo("CONFIRMED");
    snap(page, "figures-decided");

    var saved = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> reports.snapshot(id).content());
    assertThat(saved.narrative().get(0).figures()).extracting(io.jixiao.form.StatedFigure::source)
        .containsExactly(io.jixiao.form.FigureSource.DISMISSED, io.jixiao.form.FigureSource.CONFIRMED);
  }

  /** Issue 14: upload a hand-made workbook, read the preview and its findings, confirm, see the draft. */
  @Test
  void importingAWorkbookIntoTheDraft() {
    jdbc.sql("insert into jixiao.cycle (region_code, year, template_code, draft_due) values ('xintian', :y, 'NATIONAL_DEFAULT', :due) on conflict do nothing")
        .param("y", YEAR + 4).param("due", java.time.LocalDate.now().plusDays(30)).update();
    java.util.UUID id = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"),
        () -> reports.create("xintian-jsx", YEAR + 4).id());
    byte[] broken = io.jixiao.documents.HandMadeWorkbooks.xlsx().overall("附件2")
        .with("附件2", s -> io.jixiao.documents.HandMadeWorkbooks.set(s, "E8", "约三百万")).bytes();
    byte[] workbook = io.jixiao.documents.HandMadeWorkbooks.xlsx().basic("附件1").overall("附件2").project("附件4").bytes();
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    Page page = login("xintian.preparer");
    page.navigate(app("/reports/" + id));
    assertThat(page.locator("#import-form").isVisible()).isTrue();
    // A broken workbook: every problem by sheet and cell, nothing imported.
    page.setInputFiles("#import-file", new com.microsoft.playwright.options.FilePayload("自评表.xlsx", xlsx, broken));
    go(page, "#import-preview-button");
    assertThat(page.locator("#import-errors").textContent()).contains("附件2", "E8", "应为金额");
    assertThat(page.locator("#import-confirm").count()).isZero();

    page.navigate(app("/reports/" + id));
    page.setInputFiles("#import-file", new com.microsoft.playwright.options.FilePayload("自评表.xlsx", xlsx, workbook));
    go(page, "#import-preview-button");
    assertThat(page.locator("#import-preview").isVisible()).isTrue();
    assertThat(page.locator("#import-sheets").textContent()).contains("附件1", "附件2", "附件4");
    assertThat(page.locator("#import-indicators").textContent()).isEqualTo("4");
    assertThat(Integer.parseInt(page.locator("#import-finding-count").textContent())).isPositive();
    assertThat(page.locator("#import-findings li").count()).isPositive();
    // A finding names the cell it concerns: 得分 28 against the suggested 30 of the third row.
    assertThat(page.locator("#import-findings").textContent()).contains("附件2!H20");
    assertThat(RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"),
        () -> reports.find(id).latestVersion())).as("the preview wrote nothing").isEqualTo(1);

    go(page, "#import-confirm");
    assertThat(page.url()).endsWith("/reports/" + id);
    assertThat(page.locator(".notice").textContent()).contains("2");
    assertThat(page.locator("#version").textContent()).isEqualTo("2");
    assertThat(new java.math.BigDecimal(page.locator("#f-overall-funds-TOTAL-executed").inputValue().replace(",", "")))
        .isEqualByComparingTo("2923100");
    var saved = RunAs.call("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> reports.snapshot(id).content());
    assertThat(saved.projects()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("计生协能力建设"));

    // The current version's workbook downloads from the draft page.
    com.microsoft.playwright.Download download = page.waitForDownload(() -> page.click("#export-workbook"));
    assertThat(download.suggestedFilename()).isEqualTo("xintian-jsx-" + (YEAR + 4) + "-v2.xlsx");
    page.context().close();
  }

  @Test
  void anotherRegionsPreparerCannotReachThePackageByUrl() {
    Page page = login("lingling.preparer");
    Response response = page.navigate(reportUrl);
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.content()).doesNotContain("新田县计划生育协会");
    snap(page, "lingling-404");
    Response history = page.navigate(reportUrl + "/history");
    snap(page, "lingling-404-history");
    assertThat(history.status()).isEqualTo(404);
    page.context().close();
  }

  @Test
  void inEnglishTheMainPagesHaveNoChineseLeftBesidesTheReportsOwnContent() {
    Page page = login("xintian.finance");
    page.navigate(app("/tasks?lang=en"));
    snap(page, "english-switch");
    for (String url : List.of("/tasks", "/reports", reportUrl.substring(reportUrl.indexOf("/reports")),
        reportUrl.substring(reportUrl.indexOf("/reports")) + "/history")) {
      page.navigate(app(url));
      String untranslated = Browser.untranslatedText(page, "textarea, svg");
      snap(page, "english" + url.replaceAll("/[0-9a-f-]{36}", "/report"));
      assertThat(untranslated).as(url).isEmpty();
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    }
    page.context().close();
  }

  @Test
  void thePagesHoldTogetherOnAPhone() {
    BrowserContext phone = browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844));
    Page page = phone.newPage();
    loginIn(page, "xintian.preparer");
    for (String url : List.of("/tasks", "/reports", reportUrl.substring(reportUrl.indexOf("/reports")))) {
      page.navigate(app(url));
      int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
      snap(page, "phone" + url.replaceAll("/[0-9a-f-]{36}", "/report"));
      assertThat(overflow).as("horizontal overflow on " + url).isLessThanOrEqualTo(0);
    }
    phone.close();
  }

  /** After every test: none of the pages it visited broke the Content-Security-Policy. */
  @org.junit.jupiter.api.AfterEach
  void noPageBrokeTheContentSecurityPolicy() {
    assertThat(cspViolations).isEmpty();
  }

  private void sign(String round) {
    Page head = openFromTasks("xintian.head");
    assertThat(head.locator("code.hash").textContent()).hasSize(64);
    assertThat(head.locator("#editor input[readonly]").count()).isPositive();
    head.check("#sign-confirm");
    go(head, "#sign");
    assertThat(head.locator("#stage").textContent()).isEqualTo("主管部门审核指导");
    assertThat(head.locator("#signature").getAttribute("class")).contains("ok");
    snap(head, "head-signed-" + round);
    head.context().close();
  }

  /** Logs in, finds this package in the claimable queue, claims it in place, and opens it. */
  private Page openFromTasks(String username) {
    Page page = login(username);
    Locator row = page.locator("#claimable tr", new Page.LocatorOptions().setHasText(String.valueOf(YEAR)));
    assertThat(row.count()).as(username + "'s queue").isEqualTo(1);
    snap(page, username + "-tasks");
    row.locator("button.claim").click();
    page.waitForSelector("#claimable tr:has-text('" + YEAR + "') button.unclaim");
    page.waitForNavigation(() -> row.locator("a").first().click());
    snap(page, username + "-report");
    return page;
  }

  private Page login(String username) {
    Page page = browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(Browser.WIDTH, Browser.HEIGHT)).newPage();
    loginIn(page, username);
    return page;
  }

  private void loginIn(Page page, String username) {
    // Chromium reports what the Content-Security-Policy refused on the console.
    page.onConsoleMessage(message -> {
      if (message.text().contains("Content Security Policy") && page.url().startsWith(app("/"))) {
        cspViolations.add(page.url() + ": " + message.text());
      }
    });
    page.navigate(app("/tasks"));
    page.waitForSelector("#username");
    snap(page, "keycloak-login-" + username);
    page.fill("#username", username);
    page.fill("#password", "demo");
    go(page, "#kc-login");
    assertThat(page.locator(".viewer").textContent()).contains(username);
  }

  private void fillRow(Page page, int i, String level1, String level2, String name, String target, String actual,
      String weight, String score) {
    String row = "overall.indicators[" + i + "]";
    page.selectOption("select[name='" + row + ".level1']", level1);
    page.fill("input[name='" + row + ".level2']", level2);
    page.fill("textarea[name='" + row + ".name']", name);
    page.fill("input[name='" + row + ".target']", target);
    page.fill("input[name='" + row + ".actual']", actual);
    page.fill("input[name='" + row + ".weight']", weight);
    page.fill("input[name='" + row + ".selfScore']", score);
  }

  /** Clicks something that submits a form, waits for the page it leads to, and saves a screenshot of it. */
  private void go(Page page, String selector) {
    page.waitForNavigation(() -> page.click(selector));
    snap(page, "after-" + selector.replaceAll("[^A-Za-z0-9]+", "-"));
  }

  private void snap(Page page, String name) {
    Browser.screenshot(page, String.format("%02d-%s", ++shot, name));
  }

  private String app(String path) {
    return "http://localhost:" + port + path;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
