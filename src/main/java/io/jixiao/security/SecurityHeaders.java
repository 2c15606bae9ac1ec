package io.jixiao.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of both filter chains. Pages run only our own scripts and stylesheets (no
 * inline script, handler or style anywhere: htmx's inline indicator style is switched off in the
 * layout), are never framed, and tell other sites no more than our origin. API responses are data:
 * they may load nothing at all.
 */
final class SecurityHeaders {

  private SecurityHeaders() {}

  /** @param keycloakPublicUrl where the logout form's redirect goes (form-action covers redirects) */
  static Customizer<HeadersConfigurer<HttpSecurity>> pages(String keycloakPublicUrl) {
    return common("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self' " + keycloakPublicUrl + "; frame-ancestors 'none'");
  }

  static Customizer<HeadersConfigurer<HttpSecurity>> api() {
    return common("default-src 'none'; frame-ancestors 'none'");
  }

  private static Customizer<HeadersConfigurer<HttpSecurity>> common(String policy) {
    return headers -> headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .contentTypeOptions(Customizer.withDefaults())
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
  }
}
