package io.jixiao.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Which published version a document file belongs to, by the file's SHA-256. The documents are a
 * function of the frozen package alone, so each node can work the hashes out by rendering: every
 * rendering a page or a download makes is recorded, the rest is rendered once per node — in the
 * background after start-up, and on demand by a look-up before it answers. Node-local and harmless
 * (like the template cache): every node arrives at the same hashes. Memory: two hashes per
 * published version.
 */
@Component
@Order(11)
class DocumentIndex implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);

  /** A document of a published version. */
  record Entry(UUID reportId, int version, PackageDocuments.Kind kind) {}

  private final PublishedPackages packages;
  private final PackageDocuments documents;
  private final Map<String, List<Entry>> byHash = new HashMap<>();
  private final Set<String> indexed = new HashSet<>();
  /** One thread renders what is missing at a time; the others wait for it rather than render the same. */
  private final Object catchingUp = new Object();

  private final boolean warmUp;

  DocumentIndex(PublishedPackages packages, PackageDocuments documents,
      @org.springframework.beans.factory.annotation.Value("${jixiao.public.document-index.warm-up:true}") boolean warmUp) {
    this.packages = packages;
    this.documents = documents;
    this.warmUp = warmUp;
  }

  /** Unless switched off ({@code jixiao.public.document-index.warm-up}), works the hashes out in the background. */
  @Override
  public void run(ApplicationArguments args) {
    if (!warmUp) {
      return;
    }
    Thread warmUp = new Thread(() -> {
      try {
        int rendered = catchUp();
        if (rendered > 0) {
          log.info("Document hashes of {} published version(s) worked out", rendered);
        }
      } catch (RuntimeException e) {
        log.warn("Document hashes not worked out in the background (look-ups will): {}", e.toString());
      }
    }, "document-index");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** Records the documents of a version as rendered for a page or a download. */
  void record(PublishedPackage published, List<PackageDocuments.Rendered> rendered) {
    synchronized (byHash) {
      if (!indexed.add(key(published.reportId(), published.version()))) {
        return;
      }
      for (PackageDocuments.Rendered file : rendered) {
        byHash.computeIfAbsent(file.sha256(), h -> new ArrayList<>())
            .add(new Entry(published.reportId(), published.version(), file.kind()));
      }
    }
  }

  /** The published documents whose file has this SHA-256 (lower-case hex); none for any other. */
  List<Entry> find(String sha256) {
    catchUp();
    synchronized (byHash) {
      return List.copyOf(byHash.getOrDefault(sha256, List.of()));
    }
  }

  /** Renders the documents of every published version this node has not indexed; how many it rendered. */
  int catchUp() {
    synchronized (catchingUp) {
      int rendered = 0;
      for (var version : packages.allVersions()) {
        boolean known;
        synchronized (byHash) {
          known = indexed.contains(key(version.getKey(), version.getValue()));
        }
        if (!known) {
          var published = packages.version(version.getKey(), version.getValue());
          if (published.isPresent()) {
            record(published.get(), documents.all(published.get()));
            rendered++;
          }
        }
      }
      return rendered;
    }
  }

  private static String key(UUID reportId, int version) {
    return reportId + ":" + version;
  }
}
