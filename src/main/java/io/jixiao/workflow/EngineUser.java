package io.jixiao.workflow;

import java.util.function.Supplier;
import org.flowable.common.engine.impl.identity.Authentication;

/**
 * Runs an engine call as the acting user, so Flowable's history (initiator, comments, task
 * events) shows real usernames; Flowable's own identity module is off.
 */
final class EngineUser {

  private EngineUser() {}

  static <T> T as(String username, Supplier<T> call) {
    String previous = Authentication.getAuthenticatedUserId();
    Authentication.setAuthenticatedUserId(username);
    try {
      return call.get();
    } finally {
      Authentication.setAuthenticatedUserId(previous);
    }
  }

  static void run(String username, Runnable call) {
    as(username, () -> {
      call.run();
      return null;
    });
  }
}
