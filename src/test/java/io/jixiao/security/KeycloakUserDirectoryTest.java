package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** A directory that cannot reach Keycloak says so, rather than answering "nobody" (KeycloakIntegrationTest: the real one). */
class KeycloakUserDirectoryTest {

  @Test
  void anUnreachableKeycloakIsUnavailableNotEmpty() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String keycloak = "http://localhost:" + closed;
    var registrations = new InMemoryClientRegistrationRepository(ClientRegistration
        .withRegistrationId(KeycloakUserDirectory.REGISTRATION)
        .clientId("jixiao-directory").clientSecret("x")
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenUri(keycloak + "/realms/jixiao/protocol/openid-connect/token").build());
    var directory = new KeycloakUserDirectory(registrations, keycloak, "jixiao", Duration.ofSeconds(30),
        GrantsTest.DEMO_PLACEMENTS);
    assertThatThrownBy(() -> directory.mayHold("xintian.preparer", Role.PREPARER, "xintian-jsx"))
        .isInstanceOf(UserDirectory.Unavailable.class);
    assertThatThrownBy(() -> directory.eligible(Role.ADMIN, null)).isInstanceOf(UserDirectory.Unavailable.class);
  }
}
