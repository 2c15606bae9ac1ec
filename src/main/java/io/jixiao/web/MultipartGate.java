package io.jixiao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Multipart bodies are parsed for one thing only: a workbook posted to a draft's import
 * ({@code POST /api/reports/{id}/import} and the page's {@code POST /reports/{id}/import[/confirm]}).
 * Every other multipart request is refused with 415 before anything reads its body — before the
 * parameter filter and security, which would otherwise parse it looking for parameters. Parts are
 * held in memory (spring.servlet.multipart: threshold above the size cap), never written to disk.
 * Runs after the size limit, so an oversized body is a 413 wherever it is sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MultipartGate extends OncePerRequestFilter {

  private static final Pattern UPLOADS = Pattern.compile("/(api/)?reports/[0-9a-fA-F-]{36}/import");

  /** Whether {@code path} (without the context path) takes a multipart upload by POST. */
  static boolean takesUploads(String method, String path) {
    return "POST".equals(method) && UPLOADS.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (takesUploads(request.getMethod(), path)) {
      chain.doFilter(request, response);
      return;
    }
    if (!path.startsWith("/api/") && !path.startsWith("/public/api/")) {
      response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
      return;
    }
    response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"urn:jixiao:problem:unsupported-media-type\",\"title\":\"不支持的内容类型 "
        + "Unsupported media type\",\"status\":415,\"detail\":\"只有报告的 Excel 导入 (POST /api/reports/{id}/import) 接受 "
        + "multipart/form-data\"}");
  }
}
