package io.jixiao.shared;

import java.util.Map;

/**
 * A refusal by the domain: what was asked cannot be done, and why, in words a person can act on.
 * Modules throw their own subclasses; {@code web} maps every one to a problem detail (API) or a
 * message (pages) in one place, so services never speak HTTP.
 */
public abstract class DomainException extends RuntimeException {

  /** What kind of refusal this is; {@code web} turns each into an HTTP status. */
  public enum Kind {
    /** the request itself is wrong (400) */
    INVALID,
    /** the caller may not do this (403) */
    FORBIDDEN,
    /** nothing the caller may see has this id (404) */
    NOT_FOUND,
    /** the state does not allow it now (409) */
    CONFLICT,
    /** the caller edited an older version (412) */
    STALE,
    /** the caller must say which version they act on (428) */
    PRECONDITION_REQUIRED,
    /** the content is not ready for this step (422) */
    UNPROCESSABLE
  }

  private final Kind kind;
  private final String type;
  private final Map<String, Object> properties;

  /**
   * @param type   a stable name clients may test ({@code urn:jixiao:problem:<type>})
   * @param detail in Chinese, for the user
   */
  protected DomainException(Kind kind, String type, String detail, Map<String, Object> properties) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.properties = Map.copyOf(properties);
  }

  protected DomainException(Kind kind, String type, String detail) {
    this(kind, type, detail, Map.of());
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  /** Extra members of the problem detail, e.g. {@code currentVersion} or {@code errors}. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** A short title for the problem detail; subclasses with a more telling one override it. */
  public String title() {
    return switch (kind) {
      case INVALID -> "请求无效 Bad request";
      case FORBIDDEN -> "无权操作 Forbidden";
      case NOT_FOUND -> "未找到 Not found";
      case CONFLICT -> "冲突 Conflict";
      case STALE -> "版本已过期 Stale version";
      case PRECONDITION_REQUIRED -> "缺少版本 Version required";
      case UNPROCESSABLE -> "无法处理 Unprocessable";
    };
  }
}
