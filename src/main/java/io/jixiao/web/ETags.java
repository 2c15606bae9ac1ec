package io.jixiao.web;

/** Package versions as HTTP entity tags: version 3 is {@code "3"} (a weak {@code W/"3"} is read the same). */
public final class ETags {

  private ETags() {}

  public static String of(int version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match header names, or null if there is none; 400 if it is not one of ours. */
  public static Integer parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring("W/".length());
    }
    value = value.replace("\"", "");
    if (!value.matches("\\d{1,9}")) {
      throw Problems.badRequest("If-Match 的值 " + header + " 不是本系统给出的 ETag");
    }
    return Integer.valueOf(value);
  }
}
