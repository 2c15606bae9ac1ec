package io.jixiao.web;

/** What text the application takes from clients: no NUL, no other control characters bar tab and line breaks, no lone surrogates. */
public final class TextLimits {

  static final String RULE = "含有不允许的控制字符（如 NUL）或无效字符 (control characters are not allowed)";

  private TextLimits() {}

  /** Whether PostgreSQL can store the text and a person could have typed it. */
  public static boolean clean(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
