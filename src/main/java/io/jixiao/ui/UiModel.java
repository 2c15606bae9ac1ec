package io.jixiao.ui;

import io.jixiao.security.CurrentUser;
import io.jixiao.security.Membership;
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

  /** {@code units}, {@code bureaus}, {@code regions}: the reach of the viewer's grant groups, as named (not resolved to units). */
  record Viewer(String username, String displayName, List<String> roles, Set<String> units, Set<String> bureaus,
      Set<String> regions) {}

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

  /** 元 or 万元 for the editor's money fields: {@code ?money=WAN} switches and is remembered in a cookie. */
  @ModelAttribute("moneyUnit")
  MoneyUnit moneyUnit(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
    String asked = request.getParameter(MoneyUnit.PARAMETER);
    if (asked != null && request.getMethod().equals("GET")) {
      MoneyUnit unit = MoneyUnit.parse(asked, MoneyUnit.YUAN);
      jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(MoneyUnit.COOKIE, unit.name());
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
      return unit;
    }
    if (request.getCookies() != null) {
      for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
        if (cookie.getName().equals(MoneyUnit.COOKIE)) {
          return MoneyUnit.parse(cookie.getValue(), MoneyUnit.YUAN);
        }
      }
    }
    return MoneyUnit.YUAN;
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
    var memberships = user.memberships();
    return new Viewer(user.username(), display, user.roles().stream().map(Role::realmRole).toList(),
        codes(memberships, Membership.Reach.UNIT), codes(memberships, Membership.Reach.BUREAU),
        codes(memberships, Membership.Reach.REGION));
  }

  private static Set<String> codes(Set<Membership> memberships, Membership.Reach reach) {
    Set<String> codes = new java.util.TreeSet<>();
    memberships.stream().filter(m -> m.reach() == reach).forEach(m -> codes.add(m.code()));
    return codes;
  }
}
