package io.jixiao.form;

/** ERROR blocks submission for sign-off; WARNING must be acknowledged before it. */
public enum Severity {
  ERROR,
  WARNING
}
