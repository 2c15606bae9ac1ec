package io.jixiao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.StatementCounter;
import io.jixiao.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard at scale: 1,000 units × 5 cycles = 5,000 packages loaded in bulk (DashboardData). The
 * counts shown are the fixture's; sorting, filtering and paging are the database's; a page render runs
 * the same small number of SQL statements whatever the page, order or cycle (no statement per row);
 * the export is a real workbook with numbers as numbers and dates as dates.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

  static final String REGION = "dashq";
  static final JwtAuthenticationToken ADMIN = RunAs.authentication("admin", Role.ADMIN, List.of());

  @Autowired MockMvc mvc;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired EmbeddedPostgres postgres;
  JdbcClient owner;
  List<Long> cycles;

  @BeforeAll
  void load() throws Exception {
    owner = JdbcClient.create(postgres.getPostgresDatabase());
    DashboardData.drop(postgres.getPostgresDatabase(), REGION);
    DashboardData.load(owner, REGION);
    cycles = owner.sql("select id from jixiao.cycle where region_code = :p order by year").param("p", REGION)
        .query(Long.class).list();
  }

  @AfterAll
  void drop() throws Exception {
    DashboardData.drop(postgres.getPostgresDatabase(), REGION);
  }

  Api admin() {
    return Api.as(http, json, TestTokens.of("admin"));
  }

  String page(String uri) throws Exception {
    return mvc.perform(get(uri).with(authentication(ADMIN))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The fixture's numbers n of cycle k, in unit order. */
  static List<Integer> numbers(int k) {
    List<Integer> n = new ArrayList<>();
    for (int i = 0; i < DashboardData.UNITS; i++) {
      n.add(k * DashboardData.UNITS + i);
    }
    return n;
  }

  @Test
  void thePageShowsEachStagesCountAndLateCountOfTheChosenCycle() throws Exception {
    for (int k : List.of(0, 3)) {
      Map<Stage, Integer> expected = new EnumMap<>(Stage.class);
      Map<Stage, Integer> late = new EnumMap<>(Stage.class);
      for (int n : numbers(k)) {
        expected.merge(DashboardData.stage(n), 1, Integer::sum);
        late.merge(DashboardData.stage(n), DashboardData.late(n) ? 1 : 0, Integer::sum);
      }
      Document html = Jsoup.parse(page("/admin?cycle=" + cycles.get(k)));
      for (Stage stage : Stage.values()) {
        Element card = html.selectFirst("#stage-counts li[data-stage=" + stage + "]");
        assertThat(card.selectFirst(".n").text()).as(stage.name()).isEqualTo(String.valueOf(expected.get(stage)));
        assertThat(card.select(".late-n").text()).as(stage.name())
            .isEqualTo(late.get(stage) == 0 ? "" : late.get(stage) + " 个逾期");
      }
      assertThat(html.selectFirst("#stage-counts li[data-stage=TOTAL] .n").text()).isEqualTo("1000");
      assertThat(html.select("#dashboard-rows tbody tr")).hasSize(50);
      assertThat(html.select("#dashboard-rows tbody tr.late")).isNotEmpty();
      assertThat(html.selectFirst("#row-total").text()).isEqualTo("共 1,000 个报告包");
      assertThat(html.selectFirst("#page-of").text()).isEqualTo("第 1 / 20 页");
      // The chart's data: a day per day of the trail (10 days ago to today), the counts of today = the cards.
      Element canvas = html.selectFirst("canvas#progress-chart");
      JsonNode days = json.readTree(canvas.attr("data-days"));
      assertThat(days.get(days.size() - 1).asString()).isEqualTo(LocalDate.now(Dashboard.ZONE).toString());
      assertThat(days.size()).isBetween(10, 12);
      for (JsonNode series : json.readTree(canvas.attr("data-series"))) {
        Stage stage = Stage.valueOf(series.get("stage").asString());
        JsonNode counts = series.get("counts");
        assertThat(counts.get(counts.size() - 1).asInt()).as(stage.name()).isEqualTo(expected.get(stage));
      }
      // Every package is at DRAFT on the first day of the trail.
      assertThat(html.select("script[src*=chart.umd]")).hasSize(1);
    }
  }

  @Test
  void aPageRenderRunsTheSameFewStatementsWhateverThePageOrderOrFilter() throws Exception {
    List<String> uris = List.of(
        "/admin?cycle=" + cycles.get(0),
        "/admin?cycle=" + cycles.get(1) + "&sort=deadline&dir=desc&page=7",
        "/admin?cycle=" + cycles.get(2) + "&sort=assignee&late=true&page=2",
        "/admin?cycle=" + cycles.get(4) + "&stage=DISCLOSURE&unit=u00&sort=waiting");
    Set<Integer> counts = new HashSet<>();
    for (String uri : uris) {
      page(uri); // warm: the first render of a template may read more
      var counted = StatementCounter.count(() -> page(uri));
      assertThat(Jsoup.parse(counted.result()).select("#dashboard-rows tbody tr")).as(uri).isNotEmpty();
      counts.add(counted.statements());
    }
    // Cycles, counts, a page of rows, the chart — and nothing per row.
    assertThat(counts).singleElement().satisfies(n -> assertThat(n).isBetween(4, 8));
    var table = StatementCounter.count(() -> page("/admin/rows?cycle=" + cycles.get(3) + "&sort=unit&page=4"));
    assertThat(Jsoup.parse(table.result()).select("#dashboard-rows tbody tr")).hasSize(50);
    assertThat(table.statements()).isEqualTo(2); // the cycles and the page
  }

  @Test
  void sortingFilteringAndPagingAreTheDatabases() {
    long cycle = cycles.get(1);
    // All pages, 200 at a time: each package once, in unit order.
    List<String> units = new ArrayList<>();
    for (int page = 1; page <= 5; page++) {
      JsonNode view = admin().get("/api/admin/dashboard?cycle={c}&sort=unit&size=200&page={p}", cycle, page);
      assertThat(view.get("total").asLong()).isEqualTo(1000);
      assertThat(view.get("pages").asInt()).isEqualTo(5);
      view.get("rows").forEach(r -> units.add(r.get("unitCode").asString()));
    }
    assertThat(units).hasSize(1000).doesNotHaveDuplicates().isSorted();
    // Late DISCLOSURE packages: as the fixture says.
    long lateDisclosure = numbers(1).stream().filter(n -> DashboardData.stage(n) == Stage.DISCLOSURE && DashboardData.late(n)).count();
    JsonNode late = admin().get("/api/admin/dashboard?cycle={c}&stage=DISCLOSURE&late=true&sort=deadline&size=200", cycle);
    assertThat(late.get("total").asLong()).isEqualTo(lateDisclosure);
    List<String> deadlines = new ArrayList<>();
    late.get("rows").forEach(r -> {
      assertThat(r.get("stage").asString()).isEqualTo("DISCLOSURE");
      assertThat(r.get("late").asBoolean()).isTrue();
      deadlines.add(r.get("publicationDeadline").asString());
    });
    assertThat(deadlines).isSorted();
    // Days to the deadline: the approval day plus the cycle's 20 days, from today.
    JsonNode first = late.get("rows").get(0);
    assertThat(LocalDate.parse(first.get("publicationDeadline").asString()))
        .isEqualTo(LocalDate.now(Dashboard.ZONE).plusDays(first.get("daysToDeadline").asLong()));
    // Unclaimed only, and one user's.
    JsonNode unclaimed = admin().get("/api/admin/dashboard?cycle={c}&assignee=-&size=5", cycle);
    long expectedUnclaimed = numbers(1).stream().filter(n -> n % 6 != 5 && n % 4 != 0).count();
    assertThat(unclaimed.get("total").asLong()).isEqualTo(expectedUnclaimed);
    JsonNode held = admin().get("/api/admin/dashboard?cycle={c}&assignee={a}&sort=waiting&dir=desc&size=200", cycle,
        REGION + ".unit-head");
    assertThat(held.get("total").asLong()).isEqualTo(numbers(1).stream().filter(n -> n % 6 == 1 && n % 4 == 0).count());
    List<Integer> waiting = new ArrayList<>();
    held.get("rows").forEach(r -> waiting.add(r.get("waitingDays").asInt()));
    assertThat(waiting).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // A unit by part of its name.
    assertThat(admin().get("/api/admin/dashboard?cycle={c}&unit={u}", cycle, "单位99").get("total").asLong())
        .isEqualTo(11); // 单位99, 单位990 … 单位999
    // Bad parameters are 400, another role 403, an unknown cycle 404.
    admin().get(HttpStatus.BAD_REQUEST, "/api/admin/dashboard?cycle={c}&sort=secret", cycle);
    admin().get(HttpStatus.BAD_REQUEST, "/api/admin/dashboard?cycle={c}&page=0", cycle);
    admin().get(HttpStatus.BAD_REQUEST, "/api/admin/dashboard?cycle={c}&size=201", cycle);
    admin().get(HttpStatus.BAD_REQUEST, "/api/admin/dashboard?cycle={c}&stage=NOPE", cycle);
    admin().get(HttpStatus.BAD_REQUEST, "/api/admin/dashboard?cycle={c}&unit={u}", cycle, "x".repeat(101));
    admin().get(HttpStatus.NOT_FOUND, "/api/admin/dashboard?cycle=999999999");
    Api.as(http, json, TestTokens.of("xintian.finance")).get(HttpStatus.FORBIDDEN, "/api/admin/dashboard");
  }

  @Test
  void administratorsLandOnTheDashboardEveryoneElseOnTheirTasks() throws Exception {
    assertThat(mvc.perform(get("/").with(authentication(ADMIN))).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/admin");
    JwtAuthenticationToken preparer = RunAs.authentication("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"));
    assertThat(mvc.perform(get("/").with(authentication(preparer))).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/tasks");
    assertThat(mvc.perform(get("/admin").with(authentication(preparer))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(mvc.perform(get("/admin/export.xlsx").with(authentication(preparer))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    // The header links the dashboard for administrators only.
    assertThat(Jsoup.parse(page("/tasks")).select("header nav a[href=/admin]")).hasSize(1);
    String tasks = mvc.perform(get("/tasks").with(authentication(preparer))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(tasks).select("header nav a[href=/admin]")).isEmpty();
  }

  @Test
  void theExportIsAWorkbookWithNumbersAndDates() throws Exception {
    long cycle = cycles.get(2);
    byte[] xlsx = mvc.perform(get("/admin/export.xlsx?cycle=" + cycle + "&sort=unit").with(authentication(ADMIN)))
        .andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1000);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位代码");
      int numbers = 0;
      int dates = 0;
      for (int r = 1; r <= 1000; r++) {
        Row row = sheet.getRow(r);
        int n = 2 * DashboardData.UNITS + r - 1;
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(REGION + "-u" + String.format("%04d", r - 1));
        Cell waiting = row.getCell(DashboardWorkbook.Column.WAITING_DAYS.ordinal());
        Cell due = row.getCell(DashboardWorkbook.Column.DUE.ordinal());
        if (DashboardData.stage(n) != Stage.PUBLISHED) {
          assertThat(waiting.getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat(waiting.getNumericCellValue()).isEqualTo(n % 40);
          assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
          numbers++;
          dates++;
        } else {
          assertThat(waiting).isNull();
          Cell published = row.getCell(DashboardWorkbook.Column.PUBLISHED_AT.ordinal());
          assertThat(DateUtil.isCellDateFormatted(published)).isTrue();
        }
        assertThat(row.getCell(DashboardWorkbook.Column.LATE.ordinal()).getStringCellValue())
            .isEqualTo(DashboardData.late(n) ? "是" : "否");
      }
      assertThat(numbers).isGreaterThan(800);
      assertThat(dates).isGreaterThan(800);
    }
  }
}
