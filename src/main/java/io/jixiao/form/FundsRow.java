package io.jixiao.form;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One row of a funds block. Money in 元 with two decimals.
 *
 * @param initialBudget  年初预算数
 * @param adjustedBudget 全年预算数 (A)
 * @param executed       全年执行数 (B)
 * @param weight         分值 (only the TOTAL row carries one, normally 10)
 * @param selfScore      得分 the unit entered (TOTAL row)
 * @param reviewScore    复核得分 entered by the finance reviewer (TOTAL row)
 * @param explanation    why execution differs from budget, e.g. when executed exceeds it
 */
public record FundsRow(
    @NotNull FundsLine line,
    @Size(max = 200) String label,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal initialBudget,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal adjustedBudget,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal executed,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal selfScore,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal reviewScore,
    @Size(max = 4000) String explanation) {}
