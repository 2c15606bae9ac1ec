package io.jixiao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.jixiao.report.ReportService;
import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Browser;
import io.jixiao.support.PageSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in a real browser (Chromium through Playwright), logged in as the administrator by a
 * page session (support/PageSession): the home page is the dashboard; the chart draws; choose a cycle of
 * 1,000 bulk packages, filter (stage, late only), sort by the publication deadline both ways, page on,
 * export the table and read the .xlsx with POI (numbers and dates as such), and reassign a real task
 * from the table. No page breaks the Content-Security-Policy. Screenshots go to target/screenshots/.
 */
@Tag("browser")
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  static final String REGION = "dashb";
  static final int YEAR = 2082;

  @Autowired ApplicationContext context;
  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcClient jdbc;
  @Autowired ReportService reports;
  @LocalServerPort int port;

  Browser browser;
  long bulkCycle;
  long realCycle;
  final List<String> cspViolations = new CopyOnWriteArrayList<>();
  int shot;

  @BeforeAll
  void start() throws Exception {
    DashboardData.drop(postgres.getPostgresDatabase(), REGION);
    DashboardData.load(JdbcClient.create(postgres.getPostgresDatabase()), REGION);
    bulkCycle = jdbc.sql("select id from jixiao.cycle where region_code = :p and year = :y").param("p", REGION)
        .param("y", DashboardData.FIRST_YEAR).query(Long.class).single();
    jdbc.sql("""
        insert into jixiao.cycle (region_code, year, template_code, draft_due, sign_due, guidance_due, review_due, publish_due)
        values ('xintian', :y, 'NATIONAL_DEFAULT', current_date + 3, current_date + 10, current_date + 15, current_date + 20,
                current_date + 30) on conflict do nothing
        """).param("y", YEAR).update();
    realCycle = jdbc.sql("select id from jixiao.cycle where region_code = 'xintian' and year = :y").param("y", YEAR)
        .query(Long.class).single();
    RunAs.run("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> reports.create("xintian-jsx", YEAR));
    UUID late = RunAs.call("xintian.dual", Role.PREPARER, List.of("xintian-fyjk"), () -> reports.create("xintian-fyjk", YEAR).id());
    // One of them overdue (in the projection the dashboard reads).
    jdbc.sql("update jixiao.open_task set due_date = now() - interval '2 days' where report_id = :r").param("r", late).update();
    browser = Browser.launch();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    DashboardData.drop(postgres.getPostgresDatabase(), REGION);
  }

  @AfterEach
  void noPageBrokeTheContentSecurityPolicy() {
    assertThat(cspViolations).isEmpty();
  }

  @Test
  void filterSortPageExportAndReassign() throws Exception {
    BrowserContext session = browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(Browser.WIDTH, Browser.HEIGHT).setAcceptDownloads(true));
    session.addCookies(List.of(new Cookie(PageSession.COOKIE, PageSession.of(context, "admin"))
        .setDomain("localhost").setPath("/")));
    Page page = session.newPage();
    page.onConsoleMessage(message -> {
      if (message.text().contains("Content Security Policy")) {
        cspViolations.add(page.url() + ": " + message.text());
      }
    });

    // The administrator's home is the dashboard.
    page.navigate(app("/"));
    assertThat(page.url()).startsWith(app("/admin"));
    assertThat(page.locator("h1").textContent()).isEqualTo("管理员工作台");

    // Choose the bulk cycle: counts and a drawn chart.
    page.selectOption("#cycle", String.valueOf(bulkCycle));
    page.waitForNavigation(() -> page.click("#choose-cycle"));
    assertThat(page.locator("#stage-counts li[data-stage=TOTAL] .n").textContent()).isEqualTo("1000");
    page.waitForSelector("#progress-chart[data-ready=true]");
    snap(page, "cycle");

    // Filter: packages awaiting publication past their deadline (htmx swaps the table, the address follows).
    page.selectOption("#filter-stage", "DISCLOSURE");
    page.check("#filter-late");
    page.click("#apply-filters");
    long expectedLate = java.util.stream.IntStream.range(0, DashboardData.UNITS)
        .filter(n -> DashboardData.stage(n) == Stage.DISCLOSURE && DashboardData.late(n)).count();
    PlaywrightAssertions.assertThat(page.locator("#row-total")).hasText("共 " + expectedLate + " 个报告包");
    PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*stage=DISCLOSURE.*late=true.*"));
    Locator rows = page.locator("#dashboard-rows tbody tr");
    assertThat(rows.count()).isEqualTo((int) Math.min(expectedLate, 50));
    for (int i = 0; i < rows.count(); i++) {
      assertThat(rows.nth(i).getAttribute("data-stage")).isEqualTo("DISCLOSURE");
      assertThat(rows.nth(i).getAttribute("class")).contains("late");
    }
    // Late rows are red.
    assertThat(rows.first().locator("td").first().evaluate("td => getComputedStyle(td).color")).isEqualTo("rgb(198, 40, 40)");
    snap(page, "filtered-late");

    // Sort by the publication deadline, then the other way round.
    page.click("#sort-deadline");
    PlaywrightAssertions.assertThat(page.locator("th:has(#sort-deadline)")).hasAttribute("aria-sort", "ascending");
    List<String> ascending = deadlines(page);
    assertThat(ascending).isSorted();
    page.click("#sort-deadline");
    PlaywrightAssertions.assertThat(page.locator("th:has(#sort-deadline)")).hasAttribute("aria-sort", "descending");
    List<String> descending = deadlines(page);
    assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    snap(page, "sorted-by-deadline-desc");

    // All stages again, by unit, page 2.
    page.selectOption("#filter-stage", "");
    page.uncheck("#filter-late");
    page.click("#apply-filters");
    PlaywrightAssertions.assertThat(page.locator("#row-total")).hasText("共 1,000 个报告包");
    page.click("#sort-unit");
    PlaywrightAssertions.assertThat(page.locator("th:has(#sort-unit)")).hasAttribute("aria-sort", "ascending");
    page.click("#next-page");
    PlaywrightAssertions.assertThat(page.locator("#page-of")).hasText("第 2 / 20 页");
    assertThat(rows.first().getAttribute("data-unit")).isEqualTo(REGION + "-u0050");
    snap(page, "page-2");

    // Export what the table shows (all pages): the workbook as POI reads it.
    Download download = page.waitForDownload(() -> page.click("#export"));
    Path xlsx = Files.createTempFile("dashboard", ".xlsx");
    download.saveAs(xlsx);
    assertThat(download.suggestedFilename()).endsWith(".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1000);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo(REGION + "-u0000");
      assertThat(first.getCell(DashboardWorkbook.Column.STAGE.ordinal()).getStringCellValue()).isEqualTo("填报");
      Cell waiting = first.getCell(DashboardWorkbook.Column.WAITING_DAYS.ordinal());
      assertThat(waiting.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(waiting.getNumericCellValue()).isEqualTo(0);
      Cell due = first.getCell(DashboardWorkbook.Column.DUE.ordinal());
      assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      // Package 4 awaits publication: approval 4 days ago, deadline in 16 days.
      Row disclosure = sheet.getRow(5);
      Cell days = disclosure.getCell(DashboardWorkbook.Column.DAYS_TO_DEADLINE.ordinal());
      assertThat(days.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(days.getNumericCellValue()).isEqualTo(16);
      Cell deadline = disclosure.getCell(DashboardWorkbook.Column.PUBLICATION_DEADLINE.ordinal());
      assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
      assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.now(Dashboard.ZONE).plusDays(16));
      assertThat(DateUtil.isCellDateFormatted(disclosure.getCell(DashboardWorkbook.Column.APPROVED_AT.ordinal()))).isTrue();
    } finally {
      Files.deleteIfExists(xlsx);
    }

    // Reassign a real task: xintian-jsx's draft to its preparer.
    page.navigate(app("/admin?cycle=" + realCycle));
    Locator jsx = page.locator("#dashboard-rows tbody tr[data-unit=xintian-jsx]");
    assertThat(page.locator("#dashboard-rows tbody tr[data-unit=xintian-fyjk]").getAttribute("class")).contains("late");
    jsx.locator("button.reassign").click();
    jsx.locator("select.reassign-to").waitFor();
    snap(page, "reassign-form");
    jsx.locator("select.reassign-to").selectOption("xintian.preparer");
    jsx.locator("button.reassign-submit").click();
    PlaywrightAssertions.assertThat(page.locator("#reassign-notice")).containsText("xintian.preparer");
    PlaywrightAssertions.assertThat(jsx.locator("td.assignee")).hasText("xintian.preparer");
    // Still the table as it was: both packages of the cycle.
    assertThat(page.locator("#dashboard-rows tbody tr").count()).isEqualTo(2);
    assertThat(jdbc.sql("select assignee from jixiao.open_task t join jixiao.report r on r.id = t.report_id "
        + "where r.unit_code = 'xintian-jsx' and r.year = :y").param("y", YEAR).query(String.class).single())
        .isEqualTo("xintian.preparer");
    snap(page, "reassigned");

    // In English, nothing Chinese is left but the units' own names.
    page.navigate(app("/admin?lang=en&cycle=" + bulkCycle));
    String untranslated = io.jixiao.support.Browser.untranslatedText(page, "option");
    assertThat(untranslated).isEmpty();
    snap(page, "english");
    page.navigate(app("/admin?lang=zh_CN"));
    session.close();
  }

  private static List<String> deadlines(Page page) {
    List<String> out = new ArrayList<>();
    for (Locator cell : page.locator("#dashboard-rows tbody td.deadline").all()) {
      out.add(cell.textContent().strip().substring(0, 10));
    }
    return out;
  }

  private void snap(Page page, String name) {
    Browser.screenshot(page, String.format("dashboard-%02d-%s", ++shot, name));
  }

  private String app(String path) {
    return "http://localhost:" + port + path;
  }
}
