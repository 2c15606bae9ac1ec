package io.jixiao.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seeds' narratives with their hand-typed figures removed: extraction and matching alone
 * must (a) find every figure the fixture lists, with its value and the cell it refers to, and (b)
 * raise every narrative finding the fixture expects (DOMAIN §5), on the figure of the same value
 * and cell, plus only the true inconsistencies listed here that the hand-typed list left out.
 */
class SeedNarrativeFiguresTest {

  /**
   * Findings the text yields beyond the fixture's hand-typed figures, each a real inconsistency of
   * the seed: 003 一 repeats 2022年度省级专项资金拨付我会共计52.5万元 (the fixture typed it only in 二（二）),
   * against 附件1 项目支出小计 预算数 0.
   */
  static final Map<String, Set<String>> ALSO_FOUND = Map.of(
      "003-xintian-2022.json", Set.of("NARRATIVE_FIGURE_MISMATCH basic 525000 basicData.costs[PROJECT].budget"));

  static List<SeedFixtures.Fixture> fixtures() {
    return SeedFixtures.all();
  }

  static ReportContent withoutFigures(ReportContent c) {
    List<NarrativeSection> sections = new ArrayList<>();
    for (NarrativeSection s : c.narrative()) {
      sections.add(new NarrativeSection(s.key(), s.title(), s.text(), List.of()));
    }
    return new ReportContent(c.basicData(), c.overall(), sections, c.projects(), c.filling(), c.acknowledgements());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extractsTheFixturesFiguresFromTheText(SeedFixtures.Fixture fixture) {
    ReportContent typed = fixture.content();
    ReportContent extracted = NarrativeFigures.extractAll(withoutFigures(typed), fixture.year());
    SoftAssertions softly = new SoftAssertions();
    for (NarrativeSection section : typed.narrative()) {
      NarrativeSection mine = extracted.narrative().stream().filter(s -> s.key().equals(section.key())).findFirst()
          .orElseThrow();
      for (StatedFigure f : section.figures()) {
        softly.assertThat(mine.figures())
            .as("%s %s: %s %s → %s", fixture, section.key(), f.label(), f.amount(), f.refersTo())
            .anySatisfy(e -> {
              assertThat(e.amount()).isEqualByComparingTo(f.amount());
              assertThat(e.refersTo()).isEqualTo(f.refersTo());
            });
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void raisesTheNarrativeFindingsFromTheTextAlone(SeedFixtures.Fixture fixture) {
    ReportContent typed = fixture.content();
    ReportContent extracted = NarrativeFigures.extractAll(withoutFigures(typed), fixture.year());
    Set<String> expected = narrativeFindings(typed, fixture);
    Set<String> found = narrativeFindings(extracted, fixture);
    Set<String> also = ALSO_FOUND.getOrDefault(fixture.file(), Set.of());
    Set<String> wanted = new TreeSet<>(expected);
    wanted.addAll(also);
    assertThat(found).as("narrative findings of %s from its text alone", fixture).isEqualTo(wanted);
  }

  /** Each narrative finding as "CODE section amount refersTo" (a figure's index differs between the two lists). */
  static Set<String> narrativeFindings(ReportContent content, SeedFixtures.Fixture fixture) {
    Evaluation evaluation = Evaluator.evaluate(content, fixture.template(), fixture.year());
    Set<String> out = new TreeSet<>();
    java.util.regex.Pattern figure = java.util.regex.Pattern.compile("^narrative\\[([^\\]]+)\\]\\.figures\\[(\\d+)\\]\\.amount$");
    for (Finding f : evaluation.findings()) {
      if (!f.path().startsWith("narrative[")) {
        continue;
      }
      java.util.regex.Matcher m = figure.matcher(f.path());
      if (!m.matches()) {
        out.add(f.code() + " " + f.path());
        continue;
      }
      NarrativeSection section = content.narrative().stream().filter(s -> s.key().equals(m.group(1))).findFirst()
          .orElseThrow();
      StatedFigure stated = section.figures().get(Integer.parseInt(m.group(2)));
      out.add(f.code() + " " + m.group(1) + " " + plain(stated.amount()) + " " + Objects.toString(stated.refersTo(), "-"));
    }
    return out;
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
