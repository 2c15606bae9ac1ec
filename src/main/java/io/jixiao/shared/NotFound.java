package io.jixiao.shared;

/** Nothing the caller may see has this id; another unit's things are "not found" too, so ids reveal nothing. */
public class NotFound extends DomainException {

  public NotFound(String detail) {
    super(Kind.NOT_FOUND, "not-found", detail);
  }
}
