package io.jixiao.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own refusals (wrong method, content type, parameter type, no such path) as our
 * problem details: a {@code urn:jixiao:problem:} type and a Chinese detail instead of
 * {@code about:blank} and Spring's English text, which echoes the input.
 *
 * <p>As advice it covers /api requests that matched no controller (404, 405, 415 are decided
 * before one is chosen, so {@link ApiExceptionHandler}, which is scoped to REST controllers,
 * never sees them); page requests are passed on to the error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class StandardProblems {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
      HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ProblemDetail> unmatched(Exception ex, HttpServletRequest request) throws Exception {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw ex; // the next resolver sends the status to the error page
    }
    ErrorResponse error = (ErrorResponse) ex;
    return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
        .body(localize(error.getBody(), ex, error.getStatusCode()));
  }

  /**
   * A multipart body that could not be parsed (only a draft's import takes one, see MultipartGate):
   * over the cap while it was read (sent chunked, so no Content-Length to refuse up front) is 413.
   */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException ex,
      HttpServletRequest request) throws Exception {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw ex;
    }
    boolean tooLarge = ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException;
    HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(Problems.body(status, tooLarge ? "too-large" : "malformed-body",
        tooLarge ? "请求体过大 Content too large" : "请求无效 Bad request",
        tooLarge ? "上传的文件超过上限 2048 KB" : "multipart 请求体无法解析", java.util.Map.of()));
  }

  /** Our type, title and detail on a problem Spring made, if it carries Spring's defaults. */
  static ProblemDetail localize(ProblemDetail body, Exception ex, HttpStatusCode status) {
    if (body.getType() != null && !URI.create("about:blank").equals(body.getType())) {
      return body;
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    String slug = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    body.setType(URI.create("urn:jixiao:problem:" + slug));
    body.setTitle(switch (status.value()) {
      case 400 -> "请求无效 Bad request";
      case 404 -> "未找到 Not found";
      case 405 -> "不支持的请求方法 Method not allowed";
      case 406 -> "无法提供所请求的格式 Not acceptable";
      case 413 -> "请求体过大 Content too large";
      case 415 -> "不支持的内容类型 Unsupported media type";
      default -> known == null ? "请求无效" : known.getReasonPhrase();
    });
    body.setDetail(detail(ex, status.value()));
    return body;
  }

  private static String detail(Exception ex, int status) {
    if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
      return "参数 " + mismatch.getName() + " 的值无效 (invalid value for " + mismatch.getName() + ")";
    }
    if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
      return "参数 " + mismatch.getPropertyName() + " 的值无效";
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      return "缺少参数 " + missing.getParameterName() + " (missing parameter)";
    }
    if (ex instanceof MissingRequestHeaderException missing) {
      return "缺少请求头 " + missing.getHeaderName() + " (missing header)";
    }
    if (ex instanceof HttpRequestMethodNotSupportedException method) {
      return "此地址不支持 " + method.getMethod() + " 请求 (method not allowed)";
    }
    if (ex instanceof HttpMediaTypeNotSupportedException) {
      return "请求体须为 application/json (unsupported content type)";
    }
    return switch (status) {
      case 404 -> "请求的地址不存在 (no such resource)";
      case 406 -> "无法以所请求的格式作答，请接受 application/json";
      default -> "请求无效 (bad request)";
    };
  }
}
