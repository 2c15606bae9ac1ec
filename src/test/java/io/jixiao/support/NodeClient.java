package io.jixiao.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API of one app process over plain HTTP, as a user with a signed test token. Transport
 * failures (a node killed mid-request) surface as {@link IOException}: the caller decides what an
 * unanswered step means; only a response is an acknowledgement.
 */
public final class NodeClient {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** A response: its status and body (a missing node when empty or not JSON). */
  public record Response(int status, JsonNode body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final AppProcess node;
  private final JsonMapper json;

  public NodeClient(AppProcess node, JsonMapper json) {
    this.node = node;
    this.json = json;
  }

  public AppProcess node() {
    return node;
  }

  /** {@code body}: a JSON string, a value Jackson writes, or null; {@code ifMatch}: an ETag or null. */
  public Response call(String token, String method, String path, Object body, String ifMatch) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
          body instanceof String text ? text : json.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), parse(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public Response get(String token, String path) throws IOException {
    return call(token, "GET", path, null, null);
  }

  public Response post(String token, String path, Object body) throws IOException {
    return call(token, "POST", path, body, null);
  }

  /** The body of a call that must answer {@code expected}; anything else fails the test with the body. */
  public JsonNode expect(int expected, String token, String method, String path, Object body, String ifMatch) {
    try {
      Response response = call(token, method, path, body, ifMatch);
      if (response.status() != expected) {
        throw new AssertionError(node.name() + " " + method + " " + path + ": expected " + expected + ", got "
            + response.status() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new AssertionError(node.name() + " " + method + " " + path + ": " + e, e);
    }
  }

  /** @param version the package version the client read, which every step on content names */
  public static Map<String, Object> completion(String outcome, String comment, String returnTo, Integer version) {
    java.util.HashMap<String, Object> body = new java.util.HashMap<>();
    body.put("version", version);
    body.put("outcome", outcome);
    body.put("comment", comment);
    body.put("returnTo", returnTo);
    return body;
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return json.missingNode();
    }
    try {
      return json.readTree(body);
    } catch (RuntimeException notJson) {
      return json.getNodeFactory().textNode(body);
    }
  }
}
