package io.jixiao.ui;

import io.jixiao.security.CurrentUser;
import io.jixiao.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, as what, for which units. */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

  record Viewer(String username, String displayName, List<String> roles, Set<String> units) {}

  private final CurrentUser user;
  private final FormView forms;
  private final Ids ids;

  UiModel(CurrentUser user, FormView forms, Ids ids) {
    this.user = user;
    this.forms = forms;
    this.ids = ids;
  }

  /** Template helpers as model attributes: Thymeleaf refuses {@code @bean} references in attribute expressions. */
  @ModelAttribute("forms")
  FormView forms() {
    return forms;
  }

  @ModelAttribute("ids")
  Ids ids() {
    return ids;
  }

  @ModelAttribute("viewer")
  Viewer viewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return null;
    }
    String display = user.username();
    if (authentication.getPrincipal() instanceof OidcUser oidc && oidc.getFamilyName() != null) {
      // Keycloak writes "given family"; Chinese names read family name first.
      display = oidc.getFamilyName() + (oidc.getGivenName() == null ? "" : oidc.getGivenName());
    }
    return new Viewer(user.username(), display, user.roles().stream().map(Role::realmRole).toList(), user.units());
  }
}
