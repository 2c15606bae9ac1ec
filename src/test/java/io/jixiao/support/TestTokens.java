package io.jixiao.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs access tokens shaped like Keycloak's (preferred_username, grants {@code role:unit},
 * realm_access.roles for admin, aud) with the test key the test profile trusts. The Keycloak
 * integration tests use real tokens instead.
 */
public final class TestTokens {

  public static final String ISSUER = "http://issuer.test.invalid/realms/jixiao";
  private static final PrivateKey KEY = loadKey();

  private TestTokens() {}

  /** A token for the demo user of that name: {@code xintian.preparer}, {@code lingling.finance}, {@code admin}, {@code xintian.dual} … */
  public static String of(String username) {
    if (username.equals(DemoUser.DUAL)) {
      return withGrants(username, DemoUser.DUAL_GRANTS.toArray(String[]::new));
    }
    return sign(DemoUser.named(username).claims(), ISSUER, List.of("jixiao-api"), Instant.now().plusSeconds(600));
  }

  /** A token for a made-up user holding one role in each of the given units (admin: in all). */
  public static String forUser(String username, String role, String... units) {
    return sign(DemoUser.claims(username, role, List.of(units)), ISSUER, List.of("jixiao-api"),
        Instant.now().plusSeconds(600));
  }

  /** A token for a user with these grants ({@code preparer:xintian-fyjk}, …), e.g. one of two roles. */
  public static String withGrants(String username, String... grants) {
    return sign(Map.of("preferred_username", username, "grants", List.of(grants)), ISSUER, List.of("jixiao-api"),
        Instant.now().plusSeconds(600));
  }

  public static String sign(Map<String, Object> claims, String issuer, List<String> audience, Instant expiry) {
    try {
      JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
          .issuer(issuer).audience(audience).subject(UUID.randomUUID().toString())
          .issueTime(new Date()).expirationTime(Date.from(expiry)).jwtID(UUID.randomUUID().toString());
      claims.forEach(builder::claim);
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
          builder.build());
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey loadKey() {
    try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt/private.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
