package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * OIDC page sessions are registered in the database: a logout token arriving at another node (a
 * second registry on the same database) finds the sessions this one registered, by Keycloak's
 * session id or, without one, by subject — and only those of that issuer.
 */
@ApiTest
class JdbcOidcSessionRegistryTest {

  static final String ISSUER = "http://keycloak.test.invalid/realms/jixiao";

  @Autowired OidcSessionRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  void theApplicationsRegistryIsTheSharedOne() {
    assertThat(registry).isInstanceOf(JdbcOidcSessionRegistry.class);
  }

  @Test
  void aLogoutTokenAtAnotherNodeFindsTheSessionsBegunHere() {
    OidcSessionRegistry otherNode = new JdbcOidcSessionRegistry(jdbc);
    String subject = UUID.randomUUID().toString();
    String sid = UUID.randomUUID().toString();
    registry.saveSessionInformation(session("page-" + sid, subject, sid, ISSUER));
    registry.saveSessionInformation(session("other-" + sid, subject, "another-sid", ISSUER));
    registry.saveSessionInformation(session("foreign-" + sid, subject, sid, "http://elsewhere.invalid/realms/x"));

    List<OidcSessionInformation> ended = list(otherNode.removeSessionInformation(logout(subject, sid)));
    assertThat(ended).singleElement().satisfies(info -> {
      assertThat(info.getSessionId()).isEqualTo("page-" + sid);
      assertThat(info.getPrincipal().getSubject()).isEqualTo(subject);
      assertThat(info.getAuthorities()).containsEntry("X-CSRF-TOKEN", "csrf-page-" + sid);
    });
    assertThat(list(registry.removeSessionInformation(logout(subject, sid)))).as("removed once").isEmpty();

    // A token without sid ends every session of the subject at that issuer.
    assertThat(list(otherNode.removeSessionInformation(logout(subject, null))))
        .extracting(OidcSessionInformation::getSessionId).containsExactly("other-" + sid);
    assertThat(otherNode.removeSessionInformation("foreign-" + sid)).isNotNull();
    assertThat(registry.removeSessionInformation("foreign-" + sid)).isNull();
  }

  private static OidcSessionInformation session(String sessionId, String subject, String sid, String issuer) {
    Instant now = Instant.now();
    OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").issuer(issuer).subject(subject).claim("sid", sid)
        .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    return new OidcSessionInformation(sessionId, Map.of("X-CSRF-TOKEN", "csrf-" + sessionId),
        new DefaultOidcUser(List.of(), idToken));
  }

  private static OidcLogoutToken logout(String subject, String sid) {
    var token = OidcLogoutToken.withTokenValue("logout-token").issuer(ISSUER).subject(subject).issuedAt(Instant.now())
        .jti(UUID.randomUUID().toString()).audience(List.of("jixiao-web"));
    return (sid == null ? token : token.sessionId(sid)).build();
  }

  private static List<OidcSessionInformation> list(Iterable<OidcSessionInformation> infos) {
    List<OidcSessionInformation> list = new java.util.ArrayList<>();
    infos.forEach(list::add);
    return list;
  }
}
