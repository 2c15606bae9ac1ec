package io.jixiao.form;

/**
 * Where a {@link StatedFigure} comes from, and what the preparer decided about it. A figure stored
 * without a source (every figure written before extraction existed) is {@link #MANUAL}.
 */
public enum FigureSource {
  /** Found in the text by {@link FigureExtractor}, linked (or not) by {@link FigureMatcher}; nobody looked yet. */
  EXTRACTED,
  /** Extracted, and the preparer confirmed the link. */
  CONFIRMED,
  /** Extracted, and the preparer linked it to another cell (or to none). */
  RELINKED,
  /** Extracted, and the preparer said it is not a figure the tables hold: no finding runs on it. */
  DISMISSED,
  /** Typed by hand (the API, the seed fixtures): never touched by extraction. */
  MANUAL;

  /** Whether extraction produced it (so re-extraction may replace or drop it). */
  public boolean extracted() {
    return this != MANUAL;
  }

  /** Whether the preparer decided about it (so re-extraction keeps the decision). */
  public boolean decided() {
    return this == CONFIRMED || this == RELINKED || this == DISMISSED;
  }
}
