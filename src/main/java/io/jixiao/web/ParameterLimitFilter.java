package io.jixiao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters under the same rule as JSON strings ({@link TextLimits}): a NUL in
 * {@code ?unitCode=} or in a page's form field would otherwise reach PostgreSQL and fail there
 * as a 500. Runs after the size limit, before security (a CSRF token with a NUL is no token).
 */
@Component
// After MultipartGate (+1): only an import's multipart body is parsed for parameters.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ParameterLimitFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      boolean clean = TextLimits.clean(parameter.getKey());
      for (String value : parameter.getValue()) {
        clean &= value == null || TextLimits.clean(value);
      }
      if (!clean) {
        refuse(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") && !path.startsWith("/public/api/")) {
      response.sendError(HttpStatus.BAD_REQUEST.value()); // the error page
      return;
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"urn:jixiao:problem:invalid-parameter\",\"title\":\"请求无效 Bad request\","
        + "\"status\":400,\"detail\":\"请求参数" + TextLimits.RULE + "\"}");
  }
}
