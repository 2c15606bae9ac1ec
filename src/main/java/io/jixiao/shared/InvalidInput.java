package io.jixiao.shared;

/** The request names something impossible: a blank reason, a wrong return target, a path that is not in the package. */
public class InvalidInput extends DomainException {

  public InvalidInput(String detail) {
    super(Kind.INVALID, "bad-request", detail);
  }
}
