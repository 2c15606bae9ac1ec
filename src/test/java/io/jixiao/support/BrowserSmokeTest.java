package io.jixiao.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser harness works here: the system's Chromium, driven by Playwright, reaches the running app. */
@ApiTest
class BrowserSmokeTest {

  @LocalServerPort int port;

  @Test
  void opensTheHealthEndpoint() {
    try (Browser browser = Browser.launch()) {
      Page page = browser.newPage();
      Response response = page.navigate("http://localhost:" + port + "/actuator/health");
      assertThat(response.status()).isEqualTo(200);
      assertThat(page.locator("body").innerText()).contains("UP");
      assertThat(page.viewportSize().width).isEqualTo(1280);
      assertThat(page.viewportSize().height).isEqualTo(800);
      Path file = Browser.screenshot(page, "actuator-health");
      assertThat(file).exists();
      assertThat(Files.isRegularFile(file)).isTrue();
    }
  }
}
