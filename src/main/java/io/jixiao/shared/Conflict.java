package io.jixiao.shared;

import java.util.Map;

/** The action is allowed in general but not in the current state; {@code type} says which state. */
public class Conflict extends DomainException {

  public Conflict(String type, String detail) {
    super(Kind.CONFLICT, type, detail);
  }

  public Conflict(String type, String detail, Map<String, Object> properties) {
    super(Kind.CONFLICT, type, detail, properties);
  }
}
