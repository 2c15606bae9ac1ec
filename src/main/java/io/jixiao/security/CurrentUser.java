package io.jixiao.security;

import io.jixiao.unit.UnitScope;
import org.springframework.stereotype.Component;

/**
 * Who is calling, taken from the server-side security context and never from the request body.
 * Until the Keycloak realm lands every caller is an unscoped system user.
 */
@Component
public class CurrentUser {

  public String username() {
    return "anonymous";
  }

  public UnitScope unitScope() {
    return UnitScope.ALL;
  }
}
