package io.jixiao.form;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A figure written in narrative text: an amount in 元 (or, for an extracted score, percent or count,
 * that number).
 *
 * @param label      what the text calls it
 * @param amount     the amount stated, in 元
 * @param parts      the amounts the text lists as its parts, if it lists any (they must add up)
 * @param refersTo   the table field it describes, as a finding path (e.g. "basicData.costs[PROJECT].finalAccount")
 * @param kind       what it measures (null: MONEY, as every hand-typed figure)
 * @param source     where it comes from and what the preparer decided (null: {@link FigureSource#MANUAL})
 * @param offset     where it stands in the section's text (extracted figures)
 * @param length     how long its text is (extracted figures)
 * @param confidence how sure the matcher is of {@code refersTo}, 0–100 (extracted figures)
 */
public record StatedFigure(
    @Size(max = 300) String label,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
    @Size(max = Limits.PARTS) List<@DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal> parts,
    @Size(max = 200) String refersTo,
    @JsonInclude(JsonInclude.Include.NON_NULL) FigureKind kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) FigureSource source,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(0) @Max(Limits.NARRATIVE_TEXT) Integer offset,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(100) Integer length,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(0) @Max(100) Integer confidence) {

  public StatedFigure {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** A hand-typed figure. */
  public StatedFigure(String label, BigDecimal amount, List<BigDecimal> parts, String refersTo) {
    this(label, amount, parts, refersTo, null, null, null, null, null);
  }

  /** {@link #source}, a missing one read as MANUAL. */
  @JsonIgnore
  public FigureSource sourceOrManual() {
    return source == null ? FigureSource.MANUAL : source;
  }

  /** {@link #kind}, a missing one read as MONEY. */
  @JsonIgnore
  public FigureKind kindOrMoney() {
    return kind == null ? FigureKind.MONEY : kind;
  }

  /** Whether the findings run on it: every figure but a dismissed one. */
  @JsonIgnore
  public boolean counts() {
    return sourceOrManual() != FigureSource.DISMISSED;
  }

  public StatedFigure withDecision(FigureSource decision, String path) {
    return new StatedFigure(label, amount, parts, path, kind, decision, offset, length, confidence);
  }

  StatedFigure at(int newOffset, int newLength) {
    return new StatedFigure(label, amount, parts, refersTo, kind, source, newOffset, newLength, confidence);
  }
}
