package io.jixiao.security;

import java.util.List;

/**
 * Who exists and what they hold, asked of the identity provider rather than of tokens — for
 * steps that name another person (reassigning a task). A disabled or unknown user holds nothing.
 */
public interface UserDirectory {

  /** Whether {@code username} exists, is enabled and holds {@code role} in {@code unitCode} (admin: in any unit). */
  boolean mayHold(String username, Role role, String unitCode);

  /** The enabled users holding {@code role} in {@code unitCode} (admin: every administrator), sorted. */
  List<String> eligible(Role role, String unitCode);
}
