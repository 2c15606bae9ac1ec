package io.jixiao.workflow;

/** How a stage's task ends. */
public enum Outcome {
  APPROVE,
  RETURN
}
