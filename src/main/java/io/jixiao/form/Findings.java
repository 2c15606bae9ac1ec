package io.jixiao.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings. Two findings with one {@link Finding#key()} (e.g. the source lines and the nature
 * lines both contradicting the same total) become one, so a key names exactly one finding.
 */
final class Findings {

  private final Map<String, Finding> byKey = new LinkedHashMap<>();

  void error(FindingCode code, String path, String message) {
    add(new Finding(code, Severity.ERROR, path, message));
  }

  void warning(FindingCode code, String path, String message) {
    add(new Finding(code, Severity.WARNING, path, message));
  }

  private void add(Finding f) {
    byKey.merge(f.key(), f, (a, b) -> new Finding(a.code(),
        a.severity() == Severity.ERROR || b.severity() == Severity.ERROR ? Severity.ERROR : Severity.WARNING,
        a.path(), a.message().equals(b.message()) ? a.message() : a.message() + "；" + b.message()));
  }

  /** Errors first, then by path (numbers in a path compare as numbers), then by code. */
  List<Finding> sorted() {
    List<Finding> list = new ArrayList<>(byKey.values());
    list.sort(Comparator.comparing(Finding::severity)
        .thenComparing(Finding::path, Findings::comparePaths)
        .thenComparing(f -> f.code().name()));
    return List.copyOf(list);
  }

  /** Digit runs by value, in linear time (a project code may be a long run of digits). */
  private static int compareDigits(String x, String y) {
    String a = stripLeadingZeros(x);
    String b = stripLeadingZeros(y);
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private static String stripLeadingZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  static int comparePaths(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        int c = compareDigits(a.substring(si, i), b.substring(sj, j));
        if (c != 0) {
          return c;
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  // ---- message formatting ----

  /** A score or count as written: 89, 9.47. */
  static String num(BigDecimal v) {
    if (v == null) {
      return "（空）";
    }
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** Money: 元 with two decimals, and 万元 beside it as the seeds write it. */
  static String yuan(BigDecimal v) {
    if (v == null) {
      return "（空）";
    }
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元（" + num(v.movePointLeft(4)) + "万元）";
  }
}
