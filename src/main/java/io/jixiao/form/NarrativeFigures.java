package io.jixiao.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The figures stored on narrative sections, kept in step with their text: extraction runs again on a
 * section whose text changed, and the preparer's decisions (confirm, re-link, dismiss) survive it for
 * every figure whose value is still in the text. Hand-typed figures ({@link FigureSource#MANUAL}, and
 * every figure stored without a source) are never touched.
 */
public final class NarrativeFigures {

  private NarrativeFigures() {}

  /**
   * {@code after} with the figures of each section whose text differs from {@code before}'s (or that
   * {@code before} lacks) extracted again against {@code after}'s tables.
   */
  public static ReportContent refresh(ReportContent before, ReportContent after, int year) {
    if (after == null) {
      return null;
    }
    List<NarrativeSection> sections = new ArrayList<>();
    boolean changed = false;
    for (NarrativeSection section : after.narrative()) {
      // unchanged: a section of that key held this text (a draft may repeat a key)
      if (before != null && before.narrative().stream()
          .anyMatch(old -> Objects.equals(old.key(), section.key()) && Objects.equals(old.text(), section.text()))) {
        sections.add(section);
        continue;
      }
      sections.add(extract(after, section, year));
      changed = true;
    }
    return changed ? withNarrative(after, sections) : after;
  }

  /** {@code content} with every section's figures extracted again (decisions and hand-typed figures kept). */
  public static ReportContent extractAll(ReportContent content, int year) {
    List<NarrativeSection> sections = new ArrayList<>();
    for (NarrativeSection section : content.narrative()) {
      sections.add(extract(content, section, year));
    }
    return withNarrative(content, sections);
  }

  /** One section's figures, extracted from its text, merged with the ones it holds. */
  static NarrativeSection extract(ReportContent content, NarrativeSection section, int year) {
    List<StatedFigure> fresh = new ArrayList<>(FigureMatcher.match(content, section.text(), year));
    List<StatedFigure> kept = new ArrayList<>();
    List<StatedFigure> decided = new ArrayList<>();
    for (StatedFigure f : section.figures()) {
      if (!f.sourceOrManual().extracted()) {
        kept.add(f);
      } else if (f.sourceOrManual().decided()) {
        decided.add(f);
      }
    }
    boolean[] taken = new boolean[fresh.size()];
    for (StatedFigure d : decided) {
      int best = -1;
      for (int i = 0; i < fresh.size(); i++) {
        StatedFigure f = fresh.get(i);
        if (taken[i] || f.kindOrMoney() != d.kindOrMoney() || f.amount() == null || d.amount() == null
            || f.amount().compareTo(d.amount()) != 0) {
          continue;
        }
        if (best < 0 || distance(f, d) < distance(fresh.get(best), d)) {
          best = i;
        }
      }
      if (best >= 0) {
        StatedFigure f = fresh.get(best);
        taken[best] = true;
        fresh.set(best, new StatedFigure(f.label(), f.amount(), f.parts(), d.refersTo(), f.kind(), d.source(),
            f.offset(), f.length(), d.confidence()));
      }
    }
    List<StatedFigure> manual = List.copyOf(kept);
    for (StatedFigure f : fresh) {
      if (kept.size() >= Limits.FIGURES) {
        break;
      }
      // a figure typed by hand stands for the same amount in the text: no second finding on it
      if (f.sourceOrManual() == FigureSource.EXTRACTED && manual.stream().anyMatch(m -> m.amount() != null
          && f.amount() != null && m.amount().compareTo(f.amount()) == 0)) {
        continue;
      }
      kept.add(f);
    }
    return new NarrativeSection(section.key(), section.title(), section.text(), kept);
  }

  private static int distance(StatedFigure a, StatedFigure b) {
    return Math.abs((a.offset() == null ? 0 : a.offset()) - (b.offset() == null ? 0 : b.offset()));
  }

  /**
   * The preparer's decision on one figure: {@link FigureSource#CONFIRMED} keeps its link,
   * {@link FigureSource#RELINKED} links it to {@code path} (blank: to none), {@link FigureSource#DISMISSED}
   * takes it out of the checks.
   *
   * @throws IllegalArgumentException when there is no such section or figure, the figure was typed by hand
   *     ({@link FigureSource#MANUAL}: extraction would not keep it), or the decision is not one of the three
   */
  public static ReportContent decide(ReportContent content, String sectionKey, int figure, FigureSource decision,
      String path) {
    if (decision == null || !decision.decided()) {
      throw new IllegalArgumentException("decision must be CONFIRMED, RELINKED or DISMISSED");
    }
    List<NarrativeSection> sections = new ArrayList<>(content.narrative());
    for (int s = 0; s < sections.size(); s++) {
      NarrativeSection section = sections.get(s);
      if (!Objects.equals(section.key(), sectionKey)) {
        continue;
      }
      if (figure < 0 || figure >= section.figures().size()) {
        throw new IllegalArgumentException("no figure " + figure + " in section " + sectionKey);
      }
      List<StatedFigure> figures = new ArrayList<>(section.figures());
      StatedFigure f = figures.get(figure);
      if (!f.sourceOrManual().extracted()) {
        throw new IllegalArgumentException("figure " + figure + " of section " + sectionKey + " was typed by hand");
      }
      String target = switch (decision) {
        case RELINKED -> path == null || path.isBlank() ? null : path.strip();
        default -> f.refersTo();
      };
      figures.set(figure, f.withDecision(decision, target));
      sections.set(s, new NarrativeSection(section.key(), section.title(), section.text(), figures));
      return withNarrative(content, sections);
    }
    throw new IllegalArgumentException("no section " + sectionKey);
  }

  private static ReportContent withNarrative(ReportContent c, List<NarrativeSection> sections) {
    return new ReportContent(c.basicData(), c.overall(), sections, c.projects(), c.filling(), c.acknowledgements());
  }
}
