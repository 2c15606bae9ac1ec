package io.jixiao.form;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** 楼堂馆所: one completed building project; areas in ㎡, investment in 元. */
public record BuildingRow(
    @Size(max = 300) String name,
    @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal approvedArea,
    @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal actualArea,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal budgetInvestment,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal actualInvestment) {}
