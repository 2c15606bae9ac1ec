package io.jixiao.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few rendered documents, keyed by the whole input (a record: equal inputs render to equal
 * bytes), so a burst of downloads of one package renders it once. Bounded; least recently used out.
 */
final class RenderCache {

  private final Map<PublishedDocument, byte[]> entries;

  RenderCache(int capacity) {
    entries = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PublishedDocument, byte[]> eldest) {
        return size() > capacity;
      }
    };
  }

  byte[] get(PublishedDocument document, Function<PublishedDocument, byte[]> render) {
    byte[] bytes;
    synchronized (entries) {
      bytes = entries.get(document);
    }
    if (bytes == null) {
      bytes = render.apply(document);
      synchronized (entries) {
        entries.put(document, bytes);
      }
    }
    return bytes.clone();
  }

  /** {@code <unit code>-<year>-v<version>}, reduced to characters safe in any file name. */
  static String baseName(PublishedDocument d) {
    String unit = d.unitCode() == null || d.unitCode().isBlank() ? "report" : d.unitCode().strip();
    return (unit + "-" + d.year() + "-v" + d.version()).replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
