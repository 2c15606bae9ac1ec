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
    boolean api = path.startsWith("/api/") || path.startsWith("/public/api/");
    if (!takesUploads(request.getMethod(), path)) {
      refuse(response, api, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持的内容类型 Unsupported media type",
          "只有报告的 Excel 导入 (POST /api/reports/{id}/import) 接受 multipart/form-data");
      return;
    }
    // Parsed here, once and bounded (spring.servlet.multipart), so a refusal is ours and not the container's page.
    try {
      request.getParts();
    } catch (IOException | ServletException | RuntimeException e) {
      if (tooLarge(e)) {
        refuse(response, api, HttpStatus.CONTENT_TOO_LARGE, "too-large", "请求体过大 Content too large",
            "上传的文件超过上限 2048 KB");
      } else {
        refuse(response, api, HttpStatus.BAD_REQUEST, "malformed-body", "请求无效 Bad request", "multipart 请求体无法解析");
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimitFilter.TooLargeException || t.getClass().getSimpleName().contains("SizeLimitExceeded")
          || t.getClass().getSimpleName().contains("SizeException")) {
        return true;
      }
    }
    return false;
  }

  private static void refuse(HttpServletResponse response, boolean api, HttpStatus status, String type, String title,
      String detail) throws IOException {
    if (!api) {
      response.sendError(status.value());
      return;
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Connection", "close");
    response.getWriter().write("{\"type\":\"urn:jixiao:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
        + status.value() + ",\"detail\":\"" + detail + "\"}");
  }
}
