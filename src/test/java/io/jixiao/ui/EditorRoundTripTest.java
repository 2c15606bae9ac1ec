package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instancio.Select.all;
import static org.instancio.Select.field;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.jixiao.form.Acknowledgement;
import io.jixiao.form.BasicDataTable;
import io.jixiao.form.BuildingRow;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.Filling;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.Goal;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.Project;
import io.jixiao.form.ProjectReport;
import io.jixiao.form.ReportContent;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.StatedFigure;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.instancio.Instancio;
import org.instancio.Model;
import org.instancio.Random;
import org.instancio.generator.Generator;
import org.instancio.settings.Keys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing is lost on a save from the editor: generated packages holding every field the API takes
 * — the ones the page shows and the ones it does not (narrative figures, review scores, funds rows'
 * labels, acknowledgements' notes, rows of a line the page does not lay out) — are stored through the
 * API, the package page is rendered, its editor form is read as a browser sends it (jsoup), saved
 * unchanged, and the stored content must be the same, field for field.
 */
@ApiTest
class EditorRoundTripTest {

  static final int PACKAGES = Integer.getInteger("jixiao.roundtrip.packages", 1000);

  @Autowired MockMvc mvc;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;
  Authentication preparer;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
    preparer = RunAs.authentication("xintian.preparer", Role.PREPARER, List.of(Packages.UNIT));
  }

  @Test
  void aSaveFromTheEditorKeepsEveryFieldOfGeneratedPackages() throws Exception {
    String id = packages.preparer().post(org.springframework.http.HttpStatus.CREATED,
        java.util.Map.of("unitCode", Packages.UNIT, "year", Packages.freshYear(jdbc)), "/api/reports").get("id").asString();
    long seed = Long.getLong("jixiao.seed", new java.util.SplittableRandom().nextLong());
    AtomicInteger withFigures = new AtomicInteger();
    int version = packages.version(id);
    for (int i = 0; i < PACKAGES; i++) {
      ReportContent generated = Instancio.of(MODEL).withSeed(seed + i).create();
      int saved = version;
      JsonNode stored = packages.preparer().put(org.springframework.http.HttpStatus.OK,
          json.valueToTree(generated).toString(), h -> h.setIfMatch("\"" + saved + "\""), "/api/reports/{id}", id);
      ObjectNode before = editable(stored);
      if (before.path("narrative").valueStream().anyMatch(s -> !s.path("figures").isEmpty())) {
        withFigures.incrementAndGet();
      }

      saveFromPage(id, pageForm(id));

      JsonNode now = packages.preparer().get("/api/reports/{id}", id);
      assertThat(now.get("version").asInt()).as("seed %d: the page saved a new version", seed + i)
          .isEqualTo(stored.get("version").asInt() + 1);
      assertThat(editable(now)).as("seed %d: content after a page save", seed + i).isEqualTo(before);
      version = now.get("version").asInt();
    }
    assertThat(withFigures.get()).as("the generator reaches packages with stated figures").isGreaterThan(PACKAGES / 4);
  }

  @Test
  void editingOneCellKeepsTheNarrativeFiguresAndChangesOnlyThatCell() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    ObjectNode content = packages.contentOf(id);
    ObjectNode section = (ObjectNode) content.get("narrative").get(0);
    section.putArray("figures").addObject().put("label", "项目支出").put("amount", 1000).put("refersTo",
        "overall.funds[PROJECT].executed");
    packages.save(id, content);
    ObjectNode before = packages.contentOf(id);

    List<String[]> form = pageForm(id);
    String weightField = "overall.indicators[0].weight";
    form.removeIf(f -> f[0].equals(weightField));
    form.add(new String[] {weightField, "21"});
    saveFromPage(id, form);

    ObjectNode after = packages.contentOf(id);
    assertThat(after.at("/narrative/0/figures")).isEqualTo(before.at("/narrative/0/figures")).hasSize(1);
    assertThat(after.at("/overall/indicators/0/weight").decimalValue()).isEqualByComparingTo("21");
    ((ObjectNode) before.at("/overall/indicators/0")).set("weight", after.at("/overall/indicators/0/weight"));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void rowsRemovedAndMovedOnThePageKeepTheirOwnHiddenFields() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    ObjectNode content = packages.contentOf(id);
    var indicators = (tools.jackson.databind.node.ArrayNode) content.get("overall").get("indicators");
    for (int i = 0; i < indicators.size(); i++) {
      ((ObjectNode) indicators.get(i)).put("reviewScore", i + 1); // only finance's form shows these
    }
    packages.save(id, content);
    ObjectNode before = packages.contentOf(id);
    int rows = before.at("/overall/indicators").size();
    assertThat(rows).isGreaterThanOrEqualTo(3);

    // Remove the first row, move the (new) first row down: re-rendered unsaved each time, then saved.
    String page = render(post("/reports/{id}/edit", id), withOp(pageForm(id), "remove:overall.indicators[0]"));
    page = render(post("/reports/{id}/edit", id), withOp(formOf(Jsoup.parse(page)), "down:overall.indicators[0]"));
    saveFromPage(id, formOf(Jsoup.parse(page)));

    var after = packages.contentOf(id).at("/overall/indicators");
    assertThat(after).hasSize(rows - 1);
    assertThat(after.get(0)).isEqualTo(before.at("/overall/indicators/2"));
    assertThat(after.get(1)).isEqualTo(before.at("/overall/indicators/1"));
    // Every row removed: the list is empty, not the stored one kept.
    String emptied = render(get("/reports/{id}", id), List.of());
    List<String[]> form = formOf(Jsoup.parse(emptied));
    form.removeIf(f -> f[0].startsWith("overall.indicators["));
    saveFromPage(id, form);
    assertThat(packages.contentOf(id).at("/overall/indicators").isEmpty()).isTrue();
  }

  static ObjectNode editable(JsonNode view) {
    ObjectNode content = ((ObjectNode) view).deepCopy();
    content.retain("basicData", "overall", "narrative", "projects", "filling", "acknowledgements");
    return content;
  }

  // --- the page as a browser sees it ---

  List<String[]> pageForm(String id) throws Exception {
    return formOf(Jsoup.parse(render(get("/reports/{id}", id), List.of())));
  }

  void saveFromPage(String id, List<String[]> form) throws Exception {
    var result = mvc.perform(withFields(post("/reports/{id}/edit", id), withOp(form, "save")).with(csrf())
        .with(authentication(preparer))).andReturn();
    assertThat(result.getResponse().getStatus())
        .as(() -> "save refused: " + result.getFlashMap() + " " + errorsOf(result.getResponse()))
        .isEqualTo(302);
    assertThat(result.getFlashMap().get("error")).as("save refused").isNull();
  }

  String render(MockHttpServletRequestBuilder request, List<String[]> form) throws Exception {
    var response = mvc.perform(withFields(request, form).with(csrf()).with(authentication(preparer)))
        .andReturn().getResponse();
    response.setCharacterEncoding("UTF-8");
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString();
  }

  static String errorsOf(org.springframework.mock.web.MockHttpServletResponse response) {
    try {
      response.setCharacterEncoding("UTF-8");
      Document page = Jsoup.parse(response.getContentAsString());
      return page.select("[role=alert]").text();
    } catch (Exception e) {
      return e.toString();
    }
  }

  static MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder request, List<String[]> form) {
    for (String[] field : form) {
      request = request.param(field[0], field[1]);
    }
    return request;
  }

  static List<String[]> withOp(List<String[]> form, String op) {
    List<String[]> result = new ArrayList<>(form);
    result.add(new String[] {"op", op});
    return result;
  }

  /**
   * The fields the editor form submits, as a browser builds its form data: controls inside
   * {@code #editor} or naming it ({@code form="editor"}), not disabled, checkboxes only when checked,
   * buttons never (the clicked one is added as {@code op}).
   */
  static List<String[]> formOf(Document page) {
    Element editor = page.getElementById("editor");
    assertThat(editor).as("the page has the editor form").isNotNull();
    List<String[]> fields = new ArrayList<>();
    for (Element control : page.select("input[name], textarea[name], select[name]")) {
      boolean inEditor = control.attr("form").equals("editor")
          || (!control.hasAttr("form") && control.parents().contains(editor));
      if (!inEditor || control.hasAttr("disabled")) {
        continue;
      }
      String name = control.attr("name");
      switch (control.tagName()) {
        case "textarea" -> fields.add(new String[] {name, control.wholeText()});
        case "select" -> {
          Element selected = control.selectFirst("option[selected]");
          if (selected == null) {
            selected = control.selectFirst("option");
          }
          if (selected != null) {
            fields.add(new String[] {name, selected.attr("value")});
          }
        }
        default -> {
          String type = control.attr("type");
          if ((type.equals("checkbox") || type.equals("radio")) && !control.hasAttr("checked")) {
            continue;
          }
          if (type.equals("submit") || type.equals("button")) {
            continue;
          }
          fields.add(new String[] {name, control.attr("value")});
        }
      }
    }
    return fields;
  }

  // --- generated packages: every field the API takes, as units fill them and as API clients do ---

  static final String[] TEXTS = {"", "　", " 前后空格 ", "2022年度部门整体支出", "第一行\n第二行", "<b>&amp;\"引号\"</b>",
      "较2021年减少0.1万元", "——", "a"};
  static final String[] KEYS = {"basic", "general-budget", "performance", "problems", "other", "zz-extra", "custom-1"};
  static final String[] LEVEL1 = {"OUTPUT", "BENEFIT", "SATISFACTION", "COST", "CUSTOM"};

  static final Model<ReportContent> MODEL = Instancio.of(ReportContent.class)
      .lenient()
      .withSetting(Keys.COLLECTION_MIN_SIZE, 0)
      .withSetting(Keys.COLLECTION_MAX_SIZE, 4)
      .withNullable(field(ReportContent::basicData))
      .withNullable(field(ReportContent::overall))
      .withNullable(field(ReportContent::filling))
      .supply(all(SelfEvaluationTable.class), (Generator<SelfEvaluationTable>) r -> r.diceRoll(true) ? null
          : new SelfEvaluationTable(text(r), text(r), text(r), rows(r, 5, () -> funds(r)), rows(r, 3, () -> goal(r)),
              rows(r, 5, () -> indicator(r)), r.trueOrFalse() ? null : score(r), r.oneOf("优", "良好", null, "")))
      .supply(all(BasicDataTable.class), (Generator<BasicDataTable>) r -> new BasicDataTable(
          r.trueOrFalse() ? null : r.intRange(0, 50), r.trueOrFalse() ? null : r.intRange(0, 50),
          rows(r, 6, () -> new CostRow(r.oneOf(CostLine.values()), text(r), money(r), money(r), money(r))),
          rows(r, 3, () -> new BuildingRow(text(r), money(r), money(r), money(r), money(r))), text(r)))
      .supply(all(NarrativeSection.class), (Generator<NarrativeSection>) r -> new NarrativeSection(r.oneOf(KEYS),
          text(r), text(r), rows(r, 3, () -> new StatedFigure(text(r), money(r),
              rows(r, 3, () -> BigDecimal.valueOf(r.longRange(0, 9_999_999), 2)),
              r.oneOf("overall.funds[TOTAL].executed", "basicData.costs[THREE_PUBLIC].budget", null)))))
      // Project codes are distinct within a package (findings and review scores are keyed by them).
      .supply(field(ReportContent::projects), (Generator<List<Project>>) r -> {
        List<Project> projects = new ArrayList<>();
        for (int i = r.intRange(0, 3); i > 0; i--) {
          projects.add(project(r, "P" + (projects.size() + 1 + r.intRange(0, 1) * 10)));
        }
        return projects;
      })
      .supply(all(Filling.class), (Generator<Filling>) r -> new Filling(text(r), r.oneOf("0746-1234567", null, ""),
          r.trueOrFalse() ? null : LocalDate.of(r.intRange(2019, 2027), r.intRange(1, 12), r.intRange(1, 28))))
      .supply(all(Acknowledgement.class), (Generator<Acknowledgement>) r -> new Acknowledgement(
          r.oneOf("SUM_MISMATCH@overall.funds[TOTAL].executed", "WEIGHTS_NOT_100@overall", "X@y" + r.intRange(0, 99)),
          r.oneOf("已核实", null, "")))
      .toModel();

  static Project project(Random r, String code) {
    return new Project(code, text(r),
          r.trueOrFalse() ? null : new ProjectReport(money(r), text(r), text(r), text(r), text(r), text(r), text(r), text(r)),
          r.trueOrFalse() ? null : new SelfEvaluationTable(null, text(r), text(r), rows(r, 4, () -> funds(r)),
              rows(r, 2, () -> goal(r)), rows(r, 4, () -> indicator(r)), null, null));
  }

  static <T> List<T> rows(Random r, int max, java.util.function.Supplier<T> row) {
    List<T> rows = new ArrayList<>();
    for (int i = r.intRange(0, max); i > 0; i--) {
      rows.add(row.get());
    }
    return rows;
  }

  static FundsRow funds(Random r) {
    return new FundsRow(r.oneOf(FundsLine.values()), r.trueOrFalse() ? null : text(r), money(r), money(r), money(r),
        score(r), score(r), score(r), text(r));
  }

  static Goal goal(Random r) {
    return new Goal(text(r), text(r));
  }

  static IndicatorRow indicator(Random r) {
    return new IndicatorRow(r.oneOf(LEVEL1), r.oneOf("数量指标", "质量指标", null, ""), text(r), r.oneOf("≥95%", "=3次", "", null),
        r.oneOf("98%", "3次", null), score(r), score(r), score(r), text(r),
        r.oneOf(Boolean.TRUE, Boolean.FALSE, null, null));
  }

  static String text(Random r) {
    return r.diceRoll(true) ? null : r.oneOf(TEXTS);
  }

  static BigDecimal money(Random r) {
    return switch (r.intRange(0, 5)) {
      case 0 -> null;
      case 1 -> new BigDecimal("0.00");
      case 2 -> new BigDecimal("10.50");
      default -> BigDecimal.valueOf(r.longRange(0, 500_000_000), 2);
    };
  }

  static BigDecimal score(Random r) {
    return r.diceRoll(true) ? null
        : BigDecimal.valueOf(r.intRange(0, 4000), 2).setScale(r.intRange(0, 2), java.math.RoundingMode.DOWN);
  }
}
