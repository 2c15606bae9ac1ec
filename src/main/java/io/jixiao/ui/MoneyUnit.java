package io.jixiao.ui;

import io.jixiao.form.Limits;
import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The unit the editor shows and takes money in: 元, or 万元 as the seeds' forms write it. Storage is
 * always exact 元; a figure typed in 万元 keeps its precision (up to six decimals, which is 分).
 * Chosen with {@code ?money=WAN} / {@code ?money=YUAN} and remembered in a cookie; the editor's form
 * names the unit it was rendered in ({@code moneyUnit}), so a switch in another tab changes nothing.
 */
enum MoneyUnit {
  YUAN(0),
  /** 万元 */
  WAN(4);

  static final String COOKIE = "jixiao-money";
  static final String PARAMETER = "money";
  static final String FORM_FIELD = "moneyUnit";
  /** The content fields that hold money (元). */
  static final Set<String> MONEY_FIELDS = Set.of("initialBudget", "adjustedBudget", "executed", "priorYearFinal",
      "budget", "finalAccount", "budgetInvestment", "actualInvestment", "budgetAmount");

  private final int shift;

  MoneyUnit(int shift) {
    this.shift = shift;
  }

  static MoneyUnit parse(String value, MoneyUnit otherwise) {
    if (value != null) {
      for (MoneyUnit unit : values()) {
        if (unit.name().equalsIgnoreCase(value.strip())) {
          return unit;
        }
      }
    }
    return otherwise;
  }

  /** A stored 元 amount as this unit shows it: 212030.00 → "21.203" in 万元. */
  String show(BigDecimal yuan) {
    if (yuan == null) {
      return "";
    }
    if (shift == 0) {
      return yuan.toPlainString();
    }
    BigDecimal shown = yuan.movePointLeft(shift).stripTrailingZeros();
    return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString();
  }

  /**
   * Converts the money fields of a form tree, typed in this unit, to 元 in place. What is not a
   * bounded number is left as typed, for the reader to refuse with its usual message.
   */
  void toYuan(JsonNode node) {
    if (shift == 0) {
      return;
    }
    if (node instanceof ObjectNode object) {
      for (var property : object.properties()) {
        JsonNode value = property.getValue();
        if (value.isString() && MONEY_FIELDS.contains(property.getKey())) {
          String typed = value.asString().strip();
          BigDecimal amount = parse(typed);
          if (amount != null) {
            object.put(property.getKey(), amount.movePointRight(shift).toPlainString());
          }
        } else {
          toYuan(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::toYuan);
    }
  }

  /**
   * A plain decimal (no exponent, at most {@link Limits#MAX_DECIMAL_CHARS} characters, so moving its
   * point is cheap and its plain form short); anything else stays as typed and is refused as a number
   * would be. A converted figure out of bounds is refused by the content's own limits.
   */
  private static BigDecimal parse(String typed) {
    if (typed.isEmpty() || typed.length() > Limits.MAX_DECIMAL_CHARS || !typed.matches("[+-]?[0-9]*\\.?[0-9]*")) {
      return null;
    }
    try {
      return new BigDecimal(typed);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
