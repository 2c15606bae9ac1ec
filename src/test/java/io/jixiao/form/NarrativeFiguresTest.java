package io.jixiao.form;

import static io.jixiao.form.Build.basic;
import static io.jixiao.form.Build.costRow;
import static io.jixiao.form.Build.figure;
import static io.jixiao.form.Build.narrative;
import static io.jixiao.form.Build.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Extracted figures on a section: re-extraction on a text change, and the preparer's decisions. */
class NarrativeFiguresTest {

  static final String PROJECT_SPENT = "basicData.costs[PROJECT].finalAccount";
  static final ReportContent TABLES = basic(costRow(CostLine.BASIC, "0", "2923100", "2923100"),
      costRow(CostLine.PROJECT, "0", "0", "0"));

  static ReportContent withText(ReportContent base, String text, StatedFigure... figures) {
    return narrative(base, section("basic", text, figures));
  }

  static List<StatedFigure> figures(ReportContent c) {
    return c.narrative().get(0).figures();
  }

  static List<String> codes(ReportContent c) {
    return Evaluator.evaluate(c, null, 2022).findings().stream()
        .filter(f -> f.path().startsWith("narrative"))
        .map(f -> f.code() + "@" + f.path()).toList();
  }

  @Test
  void extractsOnATextChangeAndTheFindingsRunOnTheExtractedFigures() {
    ReportContent before = withText(TABLES, "");
    ReportContent after = NarrativeFigures.refresh(before, withText(TABLES, "整体支出情况是：基本支出全年292.31万元，省级专项支出52.5万元。"), 2022);
    assertThat(figures(after)).extracting(StatedFigure::refersTo)
        .containsExactly("basicData.costs[BASIC].finalAccount", PROJECT_SPENT);
    assertThat(figures(after)).allSatisfy(f -> assertThat(f.source()).isEqualTo(FigureSource.EXTRACTED));
    assertThat(figures(after).get(1).offset()).isEqualTo("整体支出情况是：基本支出全年292.31万元，省级专项支出".length());
    assertThat(figures(after).get(1).length()).isEqualTo("52.5万元".length());
    assertThat(codes(after)).containsExactly("NARRATIVE_FIGURE_MISMATCH@narrative[basic].figures[1].amount");
  }

  @Test
  void unchangedTextKeepsTheStoredFigures() {
    StatedFigure stale = new StatedFigure("x", Build.d("1"), List.of(), null, FigureKind.MONEY,
        FigureSource.EXTRACTED, 0, 2, 0);
    ReportContent stored = withText(TABLES, "项目支出5万元。", stale);
    assertThat(NarrativeFigures.refresh(stored, stored, 2022)).isSameAs(stored);
  }

  @Test
  void aDismissedFigureRaisesNothingAndTheDecisionSurvivesReExtraction() {
    ReportContent extracted = NarrativeFigures.refresh(null, withText(TABLES, "省级专项支出52.5万元。"), 2022);
    ReportContent dismissed = NarrativeFigures.decide(extracted, "basic", 0, FigureSource.DISMISSED, null);
    assertThat(codes(dismissed)).isEmpty();

    ReportContent edited = NarrativeFigures.refresh(dismissed,
        withText(TABLES, "整体支出情况是：省级专项支出52.5万元，项目支出0万元。", figures(dismissed).toArray(StatedFigure[]::new)), 2022);
    assertThat(figures(edited)).extracting(StatedFigure::source)
        .containsExactly(FigureSource.DISMISSED, FigureSource.EXTRACTED);
    assertThat(figures(edited).get(0).offset()).isEqualTo("整体支出情况是：省级专项支出".length());
    assertThat(codes(edited)).isEmpty();

    // the figure gone from the text: its decision goes with it
    ReportContent removed = NarrativeFigures.refresh(edited,
        withText(TABLES, "项目支出0万元。", figures(edited).toArray(StatedFigure[]::new)), 2022);
    assertThat(figures(removed)).extracting(StatedFigure::source).containsExactly(FigureSource.EXTRACTED);
  }

  @Test
  void aRelinkedOrConfirmedFigureKeepsItsCell() {
    ReportContent extracted = NarrativeFigures.refresh(null, withText(TABLES, "省级专项支出52.5万元。"), 2022);
    ReportContent relinked = NarrativeFigures.decide(extracted, "basic", 0, FigureSource.RELINKED,
        "basicData.costs[PROJECT].budget");
    assertThat(figures(relinked).get(0).refersTo()).isEqualTo("basicData.costs[PROJECT].budget");
    ReportContent again = NarrativeFigures.refresh(relinked,
        withText(TABLES, "今年省级专项支出52.5万元。", figures(relinked).toArray(StatedFigure[]::new)), 2022);
    assertThat(figures(again).get(0).source()).isEqualTo(FigureSource.RELINKED);
    assertThat(figures(again).get(0).refersTo()).isEqualTo("basicData.costs[PROJECT].budget");
    assertThat(codes(again)).containsExactly("NARRATIVE_FIGURE_MISMATCH@narrative[basic].figures[0].amount");

    ReportContent unlinked = NarrativeFigures.decide(again, "basic", 0, FigureSource.RELINKED, "");
    assertThat(figures(unlinked).get(0).refersTo()).isNull();
    assertThat(codes(unlinked)).isEmpty();

    ReportContent confirmed = NarrativeFigures.decide(extracted, "basic", 0, FigureSource.CONFIRMED, "ignored");
    assertThat(figures(confirmed).get(0).refersTo()).isEqualTo(PROJECT_SPENT);
    assertThat(figures(confirmed).get(0).source()).isEqualTo(FigureSource.CONFIRMED);
  }

  @Test
  void handTypedFiguresAreNeverTouchedAndStandForTheirAmount() {
    StatedFigure typed = figure("省级专项支出", "525000", PROJECT_SPENT);
    ReportContent after = NarrativeFigures.refresh(null,
        withText(TABLES, "省级专项支出52.5万元，基本支出全年292.31万元。", typed), 2022);
    assertThat(figures(after)).hasSize(2);
    assertThat(figures(after).get(0)).isEqualTo(typed);
    assertThat(figures(after).get(0).sourceOrManual()).isEqualTo(FigureSource.MANUAL);
    assertThat(figures(after).get(1).amount()).isEqualByComparingTo("2923100");
  }

  @Test
  void aDecisionNamesAFigureThatExists() {
    ReportContent extracted = NarrativeFigures.refresh(null, withText(TABLES, "省级专项支出52.5万元。"), 2022);
    assertThatThrownBy(() -> NarrativeFigures.decide(extracted, "basic", 5, FigureSource.DISMISSED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NarrativeFigures.decide(extracted, "nope", 0, FigureSource.DISMISSED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NarrativeFigures.decide(extracted, "basic", 0, FigureSource.EXTRACTED, null))
        .isInstanceOf(IllegalArgumentException.class);
    ReportContent typed = withText(TABLES, "省级专项支出52.5万元。", figure("省级专项支出", "525000", PROJECT_SPENT));
    assertThatThrownBy(() -> NarrativeFigures.decide(typed, "basic", 0, FigureSource.DISMISSED, null))
        .as("a hand-typed figure is not extraction's to decide about").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFigureStoredWithoutTheNewFieldsReadsAsManualAndWritesAsBefore() {
    StatedFigure old = SeedFixtures.MAPPER.readValue(
        "{\"label\":\"项目支出\",\"amount\":1000.00,\"parts\":[],\"refersTo\":\"overall.funds[PROJECT].executed\"}",
        StatedFigure.class);
    assertThat(old.sourceOrManual()).isEqualTo(FigureSource.MANUAL);
    assertThat(old.kindOrMoney()).isEqualTo(FigureKind.MONEY);
    String written = SeedFixtures.MAPPER.writeValueAsString(old);
    assertThat(written).doesNotContain("source", "kind", "offset", "length", "confidence", "sourceOrManual", "counts");
  }

  @Test
  void aUnitSlipBetweenATotalAndItsPartsIsOneMagnitudeWarning() {
    ReportContent c = NarrativeFigures.refresh(null, withText(basic(costRow(CostLine.THREE_PUBLIC, "0", "18100", "18100")),
        "2022年“三公”经费预算数为 1.81元，其中，公务接待费 1.81万元，因公出国（境）费 0 万元。"), 2022);
    assertThat(codes(c)).containsExactly("MAGNITUDE_SUSPECT@narrative[basic].figures[0].amount");
  }
}
