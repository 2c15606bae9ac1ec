package io.jixiao.web;

import io.jixiao.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one mapping from the domain's refusals to HTTP: status by kind, type and detail as the domain said. */
public final class DomainProblems {

  private DomainProblems() {}

  public static HttpStatus status(DomainException e) {
    return switch (e.kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case STALE -> HttpStatus.PRECONDITION_FAILED;
      case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
  }

  public static ProblemDetail body(DomainException e) {
    return Problems.body(status(e), e.type(), e.title(), e.getMessage(), e.properties());
  }
}
