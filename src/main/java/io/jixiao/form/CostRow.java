package io.jixiao.form;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One 经费控制情况 row, in 元.
 *
 * @param priorYearFinal 上年决算数
 * @param budget         本年预算数
 * @param finalAccount   本年决算数
 */
public record CostRow(
    @NotNull CostLine line,
    @Size(max = 300) String label,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal priorYearFinal,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal budget,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal finalAccount) {}
