package io.jixiao.form;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * An amount written in narrative text, in 元.
 *
 * @param label      what the text calls it
 * @param amount     the amount stated, in 元
 * @param parts      the amounts the text lists as its parts, if it lists any (they must add up)
 * @param refersTo   the table field it describes, as a finding path (e.g. "basicData.costs[PROJECT].finalAccount")
 */
public record StatedFigure(
    @Size(max = 300) String label,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
    @Size(max = Limits.PARTS) List<@DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal> parts,
    @Size(max = 200) String refersTo) {

  public StatedFigure {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}
