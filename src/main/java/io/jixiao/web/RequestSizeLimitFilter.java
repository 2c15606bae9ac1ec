package io.jixiao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring MVC puts no cap on JSON bodies, so a 10 MB upload would be parsed whole. This refuses
 * bodies above {@code jixiao.max-request-bytes} with 413: up front by Content-Length, and while
 * reading for chunked bodies that declare none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long limit;

  RequestSizeLimitFilter(@Value("${jixiao.max-request-bytes:2097152}") long maxBytes) {
    this.limit = maxBytes;
  }

  /** The size refusal inside {@code ex}, if the body was cut off for being too large. */
  static java.util.Optional<TooLargeException> tooLarge(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof TooLargeException tooLarge) {
        return java.util.Optional.of(tooLarge);
      }
    }
    return java.util.Optional.empty();
  }

  private static String describe(long bytes) {
    return (bytes / 1024) + " KB";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      // Drain nothing: tell the client now and close, rather than reading megabytes we will refuse.
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Connection", "close");
      response.getWriter().write("{\"type\":\"urn:jixiao:problem:too-large\",\"title\":\"请求体过大 Content too large\","
          + "\"status\":413,\"detail\":\"请求体超过上限 " + describe(limit) + "\"}");
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("请求体超过上限 " + describe(limit));
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    LimitedStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = delegate.read(buffer, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws TooLargeException {
      count += n;
      if (count > limit) {
        throw new TooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
