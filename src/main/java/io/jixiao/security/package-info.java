/**
 * Who the caller is — from a validated Keycloak token or login session, never from the request — with their
 * roles and units; the two security chains (API resource server, browser OIDC login); the local Keycloak.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.jixiao.security;
