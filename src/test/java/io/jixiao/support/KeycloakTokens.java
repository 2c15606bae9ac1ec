package io.jixiao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real access tokens from a running Keycloak, by the password grant (demo users' password: demo). */
public final class KeycloakTokens {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final JsonMapper json;
  private final String realmUrl;

  /** @param realmUrl e.g. {@code http://localhost:8180/realms/jixiao} */
  public KeycloakTokens(JsonMapper json, String realmUrl) {
    this.json = json;
    this.realmUrl = realmUrl;
  }

  /** A demo user's token from the realm's test client {@code jixiao-cli}. */
  public String of(String username) {
    return password("jixiao-cli", username, "demo");
  }

  public String password(String clientId, String username, String password) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", clientId,
            "username", username, "password", password, "scope", "openid"))))
        .build());
    assertThat(response.statusCode()).as("token for %s at %s: %s", username, realmUrl, response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asString();
  }

  /** The claims of a token, unverified. */
  public JsonNode claims(String token) {
    return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  public static String form(Map<String, String> fields) {
    return new LinkedHashMap<>(fields).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
