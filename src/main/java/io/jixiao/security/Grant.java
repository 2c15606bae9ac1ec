package io.jixiao.security;

/** A role held in one unit (a membership), as the BPMN's candidate groups name it: {@code role:unitCode}. */
public record Grant(Role role, String unitCode) {}
