package io.jixiao.unit;

/** A budget unit (预算单位), the region whose finance bureau reviews it, and its supervising bureau (主管部门). */
public record Unit(
    String code, String name, String regionCode, String regionName, String bureauCode, String bureauName,
    String budgetCode) {}
