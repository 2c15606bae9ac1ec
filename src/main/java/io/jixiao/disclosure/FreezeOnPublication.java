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

  /** A publication that cannot be frozen is refused whole: nothing is published that the public cannot read. */
  @EventListener
  void published(LifecycleEvents.Published event) {
    if (!packages.freeze(event.reportId(), event.version()) && !packages.isFrozen(event.reportId(), event.version())) {
      throw new IllegalStateException("published version " + event.version() + " of " + event.reportId()
          + " could not be frozen (no approval of that content before its publication?)");
    }
  }
}
