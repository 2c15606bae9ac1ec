package io.jixiao.disclosure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, freezes the publications made before {@code published_package} existed (migration V7),
 * from the records they left: the approved version's stored content, its approval, the signature and
 * the publication. Idempotent (a frozen version is skipped), so every start and every node may run it;
 * after the demo packages (which freeze their publication as it happens).
 */
@Component
@Order(10)
class PublishedBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PublishedBackfill.class);

  private final PublishedPackages packages;
  private final TransactionTemplate transaction;

  PublishedBackfill(PublishedPackages packages, PlatformTransactionManager transactions) {
    this.packages = packages;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    int frozen = backfill();
    if (frozen > 0) {
      log.info("Froze {} package version(s) published before the disclosure table existed", frozen);
    }
  }

  int backfill() {
    int frozen = 0;
    for (var publication : packages.unfrozen()) {
      Boolean done = transaction.execute(status -> packages.freeze(publication.getKey(), publication.getValue()));
      if (Boolean.TRUE.equals(done)) {
        frozen++;
      }
    }
    return frozen;
  }
}
