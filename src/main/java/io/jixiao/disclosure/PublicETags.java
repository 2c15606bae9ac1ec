package io.jixiao.disclosure;

/** {@code If-None-Match} against a strong entity tag (RFC 9110 §13.1.2: weak comparison, so {@code W/} matches too). */
final class PublicETags {

  private PublicETags() {}

  static boolean matches(String ifNoneMatch, String eTag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.length() > 4000) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(eTag)) {
        return true;
      }
    }
    return false;
  }
}
