package io.jixiao.disclosure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-address rate limit on everything public ({@code /public/**}), so that a crawler cannot take
 * the site down: over the limit → 429 problem detail with {@code Retry-After}. The address is the
 * connection's ({@link HttpServletRequest#getRemoteAddr()}); a forwarded-for header is believed only
 * where the server is told to (Spring Boot's {@code server.forward-headers-strategy}, behind a proxy).
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

  private final RateLimiter limiter;

  PublicRateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /**
   * Whose bucket a request takes from: its IPv4 address, or the /64 network of an IPv6 address (one
   * subscriber's prefix; counting its 2^64 addresses apart would be no limit at all).
   */
  static String client(String remoteAddress) {
    // Only an IPv6 literal is parsed (a literal never makes InetAddress ask the DNS).
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0 || !remoteAddress.matches("[0-9A-Fa-f:.]{2,45}")) {
      return String.valueOf(remoteAddress);
    }
    try {
      java.net.InetAddress parsed = java.net.InetAddress.getByName(remoteAddress);
      byte[] address = parsed.getAddress();
      if (address.length != 16) {
        return parsed.getHostAddress(); // an IPv4-mapped address is that IPv4 client
      }
      return java.util.HexFormat.of().formatHex(address, 0, 8) + "::/64";
    } catch (java.net.UnknownHostException notALiteral) {
      return remoteAddress;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/public") || path.startsWith("/public/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long retryAfter = limiter.acquire(client(request.getRemoteAddr()));
    if (retryAfter == 0) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    // Refused before the security chain writes its headers: the API's own, for data that loads nothing.
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"urn:jixiao:problem:rate-limited\",\"title\":\"请求过多 Too many requests\","
        + "\"status\":429,\"detail\":\"请求过于频繁，请 " + retryAfter + " 秒后再试 (too many requests: retry after "
        + retryAfter + " s)\",\"retryAfter\":" + retryAfter + "}");
  }
}
