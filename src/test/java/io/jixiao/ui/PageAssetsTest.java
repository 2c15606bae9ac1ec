package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.support.ApiTest;
import io.jixiao.support.PageSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The scripts and style sheets a page links to are served (htmx by its version-less webjar path too). */
@ApiTest
class PageAssetsTest {

  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void everyScriptAndStyleSheetOfTheTaskPageIsServed() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
        .header("Cookie", PageSession.COOKIE + "=" + PageSession.of(context, "xintian.preparer")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    List<String> assets = new ArrayList<>();
    Matcher m = Pattern.compile("<(?:script[^>]*\\bsrc|link[^>]*\\bhref)=\"(/[^\"]+)\"").matcher(page.body());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets).contains("/webjars/htmx.org/dist/htmx.min.js").anyMatch(a -> a.endsWith(".css"));
    for (String asset : assets) {
      HttpResponse<String> served = client.send(HttpRequest.newBuilder(URI.create(base + asset)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(served.statusCode()).as(asset).isEqualTo(200);
      assertThat(served.body()).as(asset).isNotBlank();
    }
  }
}
