package io.jixiao.web;

import io.jixiao.shared.DomainException;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns refusals into problem details with messages a person can act on; never a bare 500 for bad input. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
// Before PageExceptionHandler, which matches every @Controller (a @RestController is one too).
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var tooLarge = RequestSizeLimitFilter.tooLarge(ex);
    if (tooLarge.isPresent()) {
      return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "请求体过大 Content too large",
          tooLarge.get().getMessage(), Map.of());
    }
    BodyProblems.Described described = BodyProblems.describe(ex.getCause());
    return problem(HttpStatus.BAD_REQUEST, "malformed-body", "请求无效 Bad request", described.detail(),
        described.properties());
  }

  /** Spring's other refusals (parameter types, methods, media types) with our problem type and text. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof org.springframework.http.ProblemDetail problem) {
      StandardProblems.localize(problem, ex, response.getStatusCode());
    }
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> Map.<String, Object>of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
        .toList();
    String detail = errors.isEmpty() ? "输入无效" : "输入无效: " + errors.stream()
        .map(e -> e.get("field") + " " + e.get("message")).limit(5).reduce((a, b) -> a + "; " + b).orElse("");
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "输入无效 Invalid input", detail, Map.of("errors", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<String> messages = ex.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList();
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "输入无效 Invalid input",
        "输入无效: " + String.join("; ", messages), Map.of("errors", messages));
  }

  /** The domain's refusals, whichever module raised them. */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<Object> refused(DomainException ex) {
    return ResponseEntity.status(DomainProblems.status(ex)).body(DomainProblems.body(ex));
  }

  /** Two writers raced for the same row (ours or the engine's): the loser retries with fresh state. */
  @ExceptionHandler({OptimisticLockingFailureException.class, FlowableOptimisticLockingException.class})
  ResponseEntity<Object> optimisticLock(RuntimeException ex) {
    return problem(HttpStatus.CONFLICT, "concurrent-update", "冲突 Conflict",
        "数据已被他人同时修改，请刷新后重试 (changed concurrently, reload and retry)", Map.of());
  }

  @ExceptionHandler(FlowableTaskAlreadyClaimedException.class)
  ResponseEntity<Object> alreadyClaimed(FlowableTaskAlreadyClaimedException ex) {
    return problem(HttpStatus.CONFLICT, "already-claimed", "冲突 Conflict",
        "该任务已被 " + ex.getTaskAssignee() + " 领取", Map.of());
  }

  /** The task went away between looking it up and acting on it: someone else completed it. */
  @ExceptionHandler(FlowableObjectNotFoundException.class)
  ResponseEntity<Object> engineObjectGone(FlowableObjectNotFoundException ex) {
    return problem(HttpStatus.CONFLICT, "already-completed", "冲突 Conflict",
        "该任务已不存在（可能已被他人办理）", Map.of());
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    return ResponseEntity.status(status).body(Problems.body(status, type, title, detail, properties));
  }
}
