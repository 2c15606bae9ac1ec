package io.jixiao.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for the API's refusals. Each has a stable {@code type} so clients can
 * tell them apart without parsing the (Chinese) detail.
 */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "未找到 Not found", detail, Map.of());
  }

  public static ErrorResponseException conflict(String type, String detail) {
    return problem(HttpStatus.CONFLICT, type, "冲突 Conflict", detail, Map.of());
  }

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作 Forbidden", detail, Map.of());
  }

  public static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "请求无效 Bad request", detail, Map.of());
  }

  public static ErrorResponseException problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    return new ErrorResponseException(status, body(status, type, title, detail, properties), null);
  }

  static ProblemDetail body(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("urn:jixiao:problem:" + type));
    body.setTitle(title);
    properties.forEach(body::setProperty);
    return body;
  }
}
