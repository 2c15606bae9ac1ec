package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.form.FundsLine;
import io.jixiao.form.ReportContent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The editor's form fields become the same package content the API takes. */
class FormContentTest {

  final JsonMapper json = JsonMapper.builder().build();

  Map<String, String[]> form(String... pairs) {
    Map<String, String[]> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.merge(pairs[i], new String[] {pairs[i + 1]}, (a, b) -> {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
      });
    }
    return params;
  }

  @Test
  void fieldsBecomeContentAndUntouchedFixedLinesAndBlankRowsAreDropped() {
    ReportContent content = read(FormContent.tree(form(
        "version", "3", "op", "save", "_csrf", "x",
        "overall.funds[0].line", "TOTAL", "overall.funds[0].adjustedBudget", "1000.50", "overall.funds[0].weight", "10",
        "overall.funds[1].line", "GENERAL_BUDGET",
        "overall.indicators[0].level1", "OUTPUT", "overall.indicators[0].weight", " 50 ",
        "overall.goals[0].expected", "", "overall.goals[0].achieved", "",
        "narrative[0].key", "basic", "narrative[0].title", "一、基本情况", "narrative[0].text", "编制5人",
        "narrative[1].key", "problems", "narrative[1].title", "七、存在的问题",
        "filling.date", "2025-03-01",
        "ack", "SELF_SCORE_DIFFERS@overall.indicators[0].selfScore", "ack", "SUM_MISMATCH@overall.funds[TOTAL].executed")));

    assertThat(content.overall().funds()).singleElement().satisfies(row -> {
      assertThat(row.line()).isEqualTo(FundsLine.TOTAL);
      assertThat(row.adjustedBudget()).isEqualByComparingTo("1000.50");
    });
    assertThat(content.overall().indicators()).singleElement().satisfies(row -> {
      assertThat(row.weight()).isEqualByComparingTo("50");
      assertThat(row.level1()).isEqualTo("OUTPUT");
    });
    assertThat(content.overall().goals()).isEmpty();
    assertThat(content.narrative()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("编制5人"));
    assertThat(content.filling().date()).hasToString("2025-03-01");
    assertThat(content.acknowledgements()).extracting(a -> a.findingKey())
        .containsExactly("SELF_SCORE_DIFFERS@overall.indicators[0].selfScore", "SUM_MISMATCH@overall.funds[TOTAL].executed");
  }

  @Test
  void rowOperationsAddRemoveAndReorderIndicatorRows() {
    ObjectNode tree = FormContent.tree(form(
        "overall.indicators[0].level1", "OUTPUT", "overall.indicators[0].name", "a",
        "overall.indicators[1].level1", "BENEFIT", "overall.indicators[1].name", "b"));
    RowOperations.apply(tree, "down:overall.indicators[0]");
    assertThat(names(tree)).containsExactly("b", "a");
    RowOperations.apply(tree, "add:overall.indicators");
    RowOperations.apply(tree, "remove:overall.indicators[0]");
    ReportContent content = read(tree);
    assertThat(content.overall().indicators()).extracting(r -> r.name()).containsExactly("a", null);
    // the row just added keeps its first level, so it survives the next round trip of the form
    assertThat(content.overall().indicators().get(1).level1()).isEqualTo("OUTPUT");
    RowOperations.apply(tree, "up:overall.indicators[0]"); // already first: nothing moves
    assertThat(read(tree).overall().indicators().get(0).name()).isEqualTo("a");
  }

  @Test
  void aRowJustAddedSurvivesTheNextRoundTripOfTheForm() {
    ObjectNode tree = FormContent.tree(form("overall.indicators[0].level1", "OUTPUT", "overall.indicators[0].name", ""));
    RowOperations.apply(tree, "add:overall.indicators");
    assertThat(read(tree).overall().indicators()).extracting(r -> r.level1())
        .containsExactly("OUTPUT", "OUTPUT");
  }

  @Test
  void projectsCanBeAddedWithTheirOwnTable() {
    ObjectNode tree = FormContent.tree(form("projects[0].code", "p1", "projects[0].name", "流出人口专项"));
    RowOperations.apply(tree, "add:projects[0].table.indicators");
    RowOperations.apply(tree, "add:projects");
    ReportContent content = read(tree);
    assertThat(content.projects()).hasSize(2);
    assertThat(content.projects().get(0).table().indicators()).hasSize(1);
    assertThat(content.projects().get(1).code()).isNotBlank();
  }

  @Test
  void textInANumberFieldIsRefusedNotGuessed() {
    ObjectNode tree = FormContent.tree(form("overall.funds[0].line", "TOTAL", "overall.funds[0].executed", "九十"));
    assertThatThrownBy(() -> read(tree)).isInstanceOf(JacksonException.class);
  }

  @Test
  void indexesAreBoundedByTheTablesRowCapBeforeAnythingIsPadded() {
    long started = System.nanoTime();
    for (String name : java.util.List.of("overall.indicators[2000000000].name", "overall.indicators[99999999999].name",
        "overall.indicators[200].name", "projects[50].name", "overall.funds[20].line", "basicData.costs[100].line",
        "narrative[0].figures[100].label", "narrative[0].figures[0].parts[50]", "overall.unknown[200].x")) {
      assertThatThrownBy(() -> FormContent.tree(form(name, "1"))).as(name)
          .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getDetail()).contains(name.substring(0, name.indexOf('['))).contains("上限");
          });
    }
    assertThat(System.nanoTime() - started).as("nothing padded to the index").isLessThan(2_000_000_000L);
    // The last row under each cap is still a row.
    ReportContent content = read(FormContent.tree(form(
        "overall.indicators[199].level1", "OUTPUT", "projects[49].code", "p49", "basicData.costs[99].line", "PROJECT_ITEM")));
    assertThat(content.overall().indicators()).singleElement().satisfies(r -> assertThat(r.level1()).isEqualTo("OUTPUT"));
    assertThat(content.projects()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("p49"));
  }

  @Test
  void aFieldThatIsBothAValueAndAGroupIsRefused() {
    for (String[] pair : new String[][] {{"overall", "overall.a"}, {"overall.indicators", "overall.indicators[0].name"},
        {"overall.indicators.x", "overall.indicators[0].name"}, {"overall.indicators[0]", "overall.indicators[0].name"},
        {"overall.title", "overall.title[0]"}}) {
      assertThatThrownBy(() -> FormContent.tree(form(pair[0], "x", pair[1], "y"))).as(String.join(" & ", pair))
          .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }
  }

  @Test
  void deepPathsAndTooManyAcknowledgementsAreRefused() {
    assertThatThrownBy(() -> FormContent.tree(form("overall" + ".a".repeat(10_000), "x")))
        .isInstanceOf(ErrorResponseException.class);
    String[] acks = new String[2 * (io.jixiao.form.Limits.ACKNOWLEDGEMENTS + 1)];
    for (int i = 0; i < acks.length; i += 2) {
      acks[i] = "ack";
      acks[i + 1] = "k" + i;
    }
    assertThatThrownBy(() -> FormContent.tree(form(acks))).isInstanceOf(ErrorResponseException.class);
  }

  @Test
  void rowOperationsIgnoreIndexesThatAreNoRowAndStopAtTheCap() {
    ObjectNode tree = FormContent.tree(form("overall.indicators[0].level1", "OUTPUT", "overall.indicators[0].name", "a"));
    for (String op : java.util.List.of("remove:overall.indicators[99999999999]", "up:overall.indicators[0",
        "down:overall.indicators[]", "add:a[", "remove:[", "up:overall.indicators[1]", "add:overall.title")) {
      RowOperations.apply(tree, op);
      assertThat(names(tree)).as(op).containsExactly("a");
    }
    for (int i = 0; i < io.jixiao.form.Limits.INDICATOR_ROWS + 5; i++) {
      RowOperations.apply(tree, "add:overall.indicators");
    }
    assertThat(tree.get("overall").get("indicators").size()).isEqualTo(io.jixiao.form.Limits.INDICATOR_ROWS);
  }

  /** The form over no stored version: a new package's first save. */
  ReportContent read(ObjectNode tree) {
    return FormContent.read(json, FormMerge.over(null, tree, null).content());
  }

  static java.util.List<String> names(ObjectNode tree) {
    return tree.get("overall").get("indicators").valueStream().map(r -> r.get("name").asString()).toList();
  }
}
