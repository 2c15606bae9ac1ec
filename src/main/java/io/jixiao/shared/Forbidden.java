package io.jixiao.shared;

/** The caller can see the thing but their role, in that unit, does not allow the action. */
public class Forbidden extends DomainException {

  public Forbidden(String detail) {
    super(Kind.FORBIDDEN, "forbidden", detail);
  }
}
