package io.jixiao.security;

import java.util.List;

/** Who exists and what they hold, from the identity provider: for handing tasks to eligible people only. */
public interface UserDirectory {

  boolean mayHold(String username, Role role, String unitCode);

  List<String> eligible(Role role, String unitCode);
}
