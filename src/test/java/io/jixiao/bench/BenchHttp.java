package io.jixiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A keep-alive HTTP/1.1 client of one app, as an API client would be; any non-2xx answer fails. */
final class BenchHttp {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final String baseUrl;
  private final JsonMapper json;

  BenchHttp(String baseUrl, JsonMapper json) {
    this.baseUrl = baseUrl;
    this.json = json;
  }

  String baseUrl() {
    return baseUrl;
  }

  JsonNode send(String token, String method, String path, Object body) {
    return send(token, method, path, body, null);
  }

  /** @param body a JSON string, an object to write as JSON, or null */
  JsonNode send(String token, String method, String path, Object body, String ifMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body == null) {
      request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(""));
    } else {
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    HttpResponse<String> response = raw(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  /** A GET with one header (Authorization or Cookie), the answer as it comes. */
  HttpResponse<String> get(String path, String header, String value) {
    return raw(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header(header, value).GET().build());
  }

  private HttpResponse<String> raw(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
