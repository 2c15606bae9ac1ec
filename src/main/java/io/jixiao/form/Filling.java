package io.jixiao.form;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** 填表人, 联系电话, 填报日期: the sign-off block printed under every table. */
public record Filling(@Size(max = 100) String preparer, @Size(max = 50) String phone, LocalDate date) {}
