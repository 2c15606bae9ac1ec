package io.jixiao.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Two chains: {@code /api/**} is a stateless resource server taking Keycloak access tokens; the
 * browser UI logs in through Keycloak (OIDC, authorization code + PKCE) and keeps a session with
 * CSRF protection. Who may do what to which report is decided per action in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SecurityConfiguration {

  private static final String UNAUTHORIZED_PROBLEM = "{\"type\":\"urn:jixiao:problem:unauthorized\","
      + "\"title\":\"未登录 Unauthorized\",\"status\":401,\"detail\":\"需要有效的访问令牌 (a valid bearer token is required)\"}";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // bearer tokens are not sent by browsers on their own
        .headers(SecurityHeaders.api())
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.jwtAuthenticationConverter(token ->
                new JwtAuthenticationToken(token, JixiaoClaims.authorities(token.getClaims()),
                    token.getClaimAsString("preferred_username"))))
            .authenticationEntryPoint((request, response, e) -> {
              response.setStatus(HttpStatus.UNAUTHORIZED.value());
              response.setHeader("WWW-Authenticate", "Bearer");
              response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
              response.setCharacterEncoding("UTF-8");
              response.getWriter().write(UNAUTHORIZED_PROBLEM);
            }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write("{\"type\":\"urn:jixiao:problem:forbidden\",\"title\":\"无权操作 Forbidden\",\"status\":403}");
        }));
    return http.build();
  }

  /**
   * The open data API of the disclosure module ({@code /public/api/**}): anonymous reads of published
   * data, no session, no login redirect, the API's headers. Read-only (every call is a GET), so no CSRF.
   */
  @Bean
  @Order(1)
  SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/public/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(SecurityHeaders.api());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientManager authorizedClients,
      @Value("${jixiao.keycloak.public-url}") String publicUrl) throws Exception {
    // Logging out ends Keycloak's session too (else the next login passes without a password).
    var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/");
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/public/**", "/actuator/health/**", "/v3/api-docs/**", "/webjars/**", "/css/**",
                "/js/**", "/favicon.ico", "/error").permitAll()
            .anyRequest().authenticated())
        .headers(SecurityHeaders.pages(publicUrl))
        .oauth2Login(Customizer.withDefaults())
        // Keycloak tells the app when a session ends there (the realm's back-channel logout URL).
        .oidcLogout(oidc -> oidc.backChannel(Customizer.withDefaults()))
        .logout(l -> l.logoutSuccessHandler(logout))
        .addFilterBefore(new SessionRefreshFilter(authorizedClients), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * The registrations of application.yml, plus what discovery would have added: the provider's
   * issuer (without it ID and logout tokens are not checked against it, and back-channel logout
   * tokens are refused) and its end-session endpoint. The endpoints are configured, not
   * discovered, so that the app starts before Keycloak does.
   */
  @Bean
  ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
      @Value("${jixiao.keycloak.public-url}") String publicUrl,
      @Value("${jixiao.keycloak.realm}") String realm) {
    String issuer = publicUrl + "/realms/" + realm;
    List<ClientRegistration> registrations = new ArrayList<>();
    new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().forEach(registration -> {
      Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
      metadata.putIfAbsent("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
      registrations.add(ClientRegistration.withClientRegistration(registration)
          .issuerUri(issuer).providerConfigurationMetadata(metadata).build());
    });
    return new InMemoryClientRegistrationRepository(registrations);
  }

  /** Authorized clients (the page sessions' tokens) live in the session, so they go where it goes. */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** Refreshes a session's tokens when they expire and tells Spring Security it did (see {@link SessionRefreshFilter}). */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientRepository authorizedClients, ApplicationEventPublisher events) {
    var refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
    refresh.setApplicationEventPublisher(events);
    var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
        new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh));
    return manager;
  }

  /** Browser logins carry the same roles and grants as access tokens, read from the ID token / userinfo. */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
      authorities.addAll(JixiaoClaims.authorities(user.getClaims()));
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    };
  }

  /**
   * Access tokens are Keycloak's: signed with the realm's keys (fetched on first use, so the app
   * starts before Keycloak does), issued by the realm, for our audience, unexpired.
   */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${jixiao.keycloak.url}") String keycloakUrl,
      @Value("${jixiao.keycloak.public-url}") String publicUrl,
      @Value("${jixiao.keycloak.realm}") String realm,
      @Value("${jixiao.keycloak.audience}") String audience,
      @Value("${jixiao.keycloak.jwt-public-key-location:}") Resource publicKey) throws Exception {
    // Keycloak names itself by the address browsers use; the app may reach it by another (compose).
    String issuer = publicUrl + "/realms/" + realm;
    NimbusJwtDecoder decoder = publicKey != null && publicKey.exists()
        ? NimbusJwtDecoder.withPublicKey(readPublicKey(publicKey)).build()
        : NimbusJwtDecoder.withJwkSetUri(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/certs").build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(issuer),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    return decoder;
  }

  private static RSAPublicKey readPublicKey(Resource resource) throws Exception {
    String pem = resource.getContentAsString(StandardCharsets.US_ASCII)
        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }
}
