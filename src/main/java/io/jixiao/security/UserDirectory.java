package io.jixiao.security;

import java.util.List;
import java.util.Optional;

/**
 * Who exists and what they hold, asked of the identity provider rather than of tokens — for
 * steps that name another person (reassigning a task). A disabled or unknown user holds nothing.
 */
public interface UserDirectory {

  /** The directory could not be asked (Keycloak unreachable, refused the service account): retry later. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Whether {@code username} exists, is enabled and holds {@code role} in {@code unitCode} (admin: in any unit).
   *
   * @throws Unavailable when the directory cannot answer
   */
  boolean mayHold(String username, Role role, String unitCode);

  /** The enabled users holding {@code role} in {@code unitCode} (admin: every administrator), sorted. */
  List<String> eligible(Role role, String unitCode);

  /**
   * The e-mail address of an enabled user, if the directory has one (reminders, io.jixiao.reminder).
   *
   * @throws Unavailable when the directory cannot answer
   */
  Optional<String> email(String username);
}
