package io.jixiao.disclosure;

import io.jixiao.workflow.LifecycleEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Freezes each published version as the administrator publishes it, inside the publishing step's
 * transaction: the publication and its frozen package commit together or not at all.
 */
@Component
class FreezeOnPublication {

  private final PublishedPackages packages;

  FreezeOnPublication(PublishedPackages packages) {
    this.packages = packages;
  }

  @EventListener
  void published(LifecycleEvents.Published event) {
    packages.freeze(event.reportId(), event.version());
  }
}
