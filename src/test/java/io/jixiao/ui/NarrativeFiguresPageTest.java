package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's narrative figures: a save that changes a section's text extracts its figures and links
 * them to cells; the page shows each beside the text (its span marked) with its cell; the preparer
 * confirms, re-links or dismisses one (a post naming the version the page showed), the findings
 * follow, and the decisions survive the next change of the text.
 */
@ApiTest
class NarrativeFiguresPageTest {

  static final String TEXT = "各级财政划拨资金共计120万元，支出100万元。";
  static final String TOTAL_EXECUTED = "overall.funds[TOTAL].executed";

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
  void thePreparerSeesTheExtractedFiguresAndDecidesAboutThem() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    saveText(id, TEXT);

    JsonNode figures = packages.contentOf(id).at("/narrative/0/figures");
    assertThat(figures).hasSize(2);
    assertThat(figures.get(0).get("source").asString()).isEqualTo("EXTRACTED");
    assertThat(figures.get(0).get("refersTo").asString()).isEqualTo(TOTAL_EXECUTED);
    assertThat(figures.get(0).get("offset").asInt()).isEqualTo("各级财政划拨资金共计".length());
    assertThat(figures.get(0).get("amount").decimalValue()).isEqualByComparingTo("1200000");
    assertThat(findings(id)).contains("NARRATIVE_FIGURE_MISMATCH@narrative[basic].figures[0].amount");

    Document page = page(id);
    Element row = page.getElementById(new Ids().field("narrative[basic].figures[0]"));
    assertThat(row).as("the figure's row on the page").isNotNull();
    assertThat(row.selectFirst("mark").text()).isEqualTo("120万元");
    assertThat(row.attr("data-source")).isEqualTo("EXTRACTED");
    assertThat(row.selectFirst("button.figure-dismiss").attr("value")).isEqualTo("DISMISSED:basic:0");
    assertThat(row.selectFirst("button.figure-dismiss").attr("hx-post")).endsWith("/reports/" + id + "/figures");
    assertThat(row.select("select[name=relink.basic.0] option").eachAttr("value"))
        .contains("", TOTAL_EXECUTED, "overall.funds[TOTAL].initialBudget");

    // dismiss, as htmx posts it (the whole editor form rides along)
    int seen = packages.version(id);
    MockHttpServletResponse dismissed = decide(id, seen, "DISMISSED:basic:0", formOf(page), true);
    assertThat(dismissed.getStatus()).isEqualTo(204);
    assertThat(dismissed.getHeader("HX-Redirect")).contains("/reports/" + id);
    assertThat(packages.contentOf(id).at("/narrative/0/figures/0/source").asString()).isEqualTo("DISMISSED");
    assertThat(findings(id)).noneMatch(f -> f.startsWith("NARRATIVE_FIGURE_MISMATCH"));
    assertThat(page(id).getElementById(new Ids().field("narrative[basic].figures[0]")).attr("data-source"))
        .isEqualTo("DISMISSED");

    // the version the page showed is no longer the latest: refused, nothing written
    int latest = packages.version(id);
    assertThat(decide(id, seen, "CONFIRMED:basic:1", List.of(), false).getStatus()).isEqualTo(409);
    assertThat(packages.version(id)).isEqualTo(latest);

    // re-link the second figure to the initial budget (a candidate), then a cell that is none
    List<String[]> relink = new ArrayList<>();
    relink.add(new String[] {"relink.basic.1", "overall.funds[TOTAL].initialBudget"});
    assertThat(decide(id, latest, "RELINKED:basic:1", relink, false).getStatus()).isEqualTo(302);
    assertThat(packages.contentOf(id).at("/narrative/0/figures/1/refersTo").asString())
        .isEqualTo("overall.funds[TOTAL].initialBudget");
    latest = packages.version(id);
    assertThat(decide(id, latest, "RELINKED:basic:1", List.<String[]>of(new String[] {"relink.basic.1", "filling.phone"}),
        false).getStatus()).isEqualTo(422);
    assertThat(decide(id, latest, "ERASE:basic:1", List.of(), false).getStatus()).isEqualTo(400);
    assertThat(decide(id, latest, "CONFIRMED:basic:7", List.of(), false).getStatus()).isEqualTo(404);
    assertThat(packages.version(id)).isEqualTo(latest);

    // the text changes: the decisions stay with their figures
    saveText(id, "今年" + TEXT);
    JsonNode after = packages.contentOf(id).at("/narrative/0/figures");
    assertThat(after).hasSize(2);
    assertThat(after.get(0).get("source").asString()).isEqualTo("DISMISSED");
    assertThat(after.get(0).get("offset").asInt()).isEqualTo("今年各级财政划拨资金共计".length());
    assertThat(after.get(1).get("source").asString()).isEqualTo("RELINKED");
    assertThat(after.get(1).get("refersTo").asString()).isEqualTo("overall.funds[TOTAL].initialBudget");
  }

  @Test
  void aSaveThatLeavesTheTextAloneLeavesTheFiguresAlone() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    saveText(id, TEXT);
    int seen = packages.version(id);
    assertThat(decide(id, seen, "DISMISSED:basic:0", List.of(), false).getStatus()).isEqualTo(302);
    JsonNode before = packages.contentOf(id).at("/narrative");
    List<String[]> form = formOf(page(id));
    form.add(new String[] {"op", "save"});
    assertThat(perform(post("/reports/{id}/edit", id), form).getStatus()).isEqualTo(302);
    assertThat(packages.contentOf(id).at("/narrative")).isEqualTo(before);
  }

  // --- the page as a browser uses it ---

  List<String> findings(String id) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : packages.preparer().get("/api/reports/{id}", id).get("findings")) {
      out.add(f.get("code").asString() + "@" + f.get("path").asString());
    }
    return out;
  }

  Document page(String id) throws Exception {
    MockHttpServletResponse response = perform(get("/reports/{id}", id), List.of());
    assertThat(response.getStatus()).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  static List<String[]> formOf(Document page) {
    return new ArrayList<>(EditorRoundTripTest.formOf(page));
  }

  void saveText(String id, String text) throws Exception {
    List<String[]> form = formOf(page(id));
    String field = "narrative[0].text";
    assertThat(form).anySatisfy(f -> assertThat(f[0]).isEqualTo(field));
    form.removeIf(f -> f[0].equals(field));
    form.add(new String[] {field, text});
    form.add(new String[] {"op", "save"});
    MockHttpServletResponse response = perform(post("/reports/{id}/edit", id), form);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
  }

  MockHttpServletResponse decide(String id, int version, String decision, List<String[]> fields, boolean htmx)
      throws Exception {
    List<String[]> form = new ArrayList<>(fields);
    form.removeIf(f -> f[0].equals("version"));
    form.add(new String[] {"version", String.valueOf(version)});
    form.add(new String[] {"figureDecision", decision});
    MockHttpServletRequestBuilder request = post("/reports/{id}/figures", id);
    if (htmx) {
      request = request.header("HX-Request", "true");
    }
    return perform(request, form);
  }

  MockHttpServletResponse perform(MockHttpServletRequestBuilder request, List<String[]> form) throws Exception {
    for (String[] field : form) {
      request = request.param(field[0], field[1]);
    }
    MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(authentication(preparer))).andReturn()
        .getResponse();
    response.setCharacterEncoding("UTF-8");
    return response;
  }
}
