package io.jixiao.support;

import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application as one user, with a signed access token. */
public final class Api {

  private final RestTestClient http;
  private final JsonMapper json;

  private Api(RestTestClient http, JsonMapper json) {
    this.http = http;
    this.json = json;
  }

  public static Api as(RestTestClient http, JsonMapper json, String token) {
    return new Api(http.mutate().defaultHeader("Authorization", "Bearer " + token).build(), json);
  }

  public JsonNode get(String uri, Object... vars) {
    return call(http.get().uri(uri, vars).exchange(), HttpStatus.OK);
  }

  public JsonNode get(HttpStatus expected, String uri, Object... vars) {
    return call(http.get().uri(uri, vars).exchange(), expected);
  }

  public JsonNode post(HttpStatus expected, Object body, String uri, Object... vars) {
    var spec = http.post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON);
    return call((body == null ? spec : spec.body(body)).exchange(), expected);
  }

  public JsonNode post(HttpStatus expected, Object body, Consumer<org.springframework.http.HttpHeaders> headers,
      String uri, Object... vars) {
    var spec = http.post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).headers(headers);
    return call((body == null ? spec : spec.body(body)).exchange(), expected);
  }

  public JsonNode put(HttpStatus expected, Object body, Consumer<org.springframework.http.HttpHeaders> headers,
      String uri, Object... vars) {
    return call(http.put().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).headers(headers).body(body)
        .exchange(), expected);
  }

  /** The status alone, for tests that race requests against each other. */
  public int postStatus(Object body, String uri, Object... vars) {
    var spec = http.post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON);
    return (body == null ? spec : spec.body(body)).exchange().returnResult(byte[].class).getStatus().value();
  }

  /** The status alone of any call, for tests that tabulate who gets what. */
  public int status(org.springframework.http.HttpMethod method, Object body,
      Consumer<org.springframework.http.HttpHeaders> headers, String uri, Object... vars) {
    var spec = http.method(method).uri(uri, vars).contentType(MediaType.APPLICATION_JSON).headers(headers);
    return (body == null ? spec : spec.body(body)).exchange().returnResult(byte[].class).getStatus().value();
  }

  private JsonNode call(RestTestClient.ResponseSpec response, HttpStatus expected) {
    byte[] body = response.expectStatus().isEqualTo(expected).expectBody().returnResult().getResponseBody();
    return body == null || body.length == 0 ? json.missingNode() : json.readTree(body);
  }
}
