package io.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Every response — API data, pages, refusals — carries the security headers. */
@ApiTest
class SecurityHeadersTest {

  @Autowired WebApplicationContext context;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void apiResponsesMayLoadNothingAndAreNeverFramed() throws Exception {
    MockMvc mvc = mvc();
    for (MockHttpServletResponse response : List.of(
        mvc.perform(get("/api/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of("xintian.preparer")))
            .andReturn().getResponse(),
        mvc.perform(get("/api/units")).andReturn().getResponse())) {
      assertThat(response.getStatus()).isIn(200, 401);
      assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
      assertCommonHeaders(response);
    }
  }

  @Test
  void pagesRunOnlyOurOwnScriptsAndStyles() throws Exception {
    Map<String, Object> claims = Map.of("preferred_username", "xintian.preparer", "name", "肖桂芳",
        "grants", List.of("preparer:xintian-jsx"));
    String report = Packages.withTestTokens(http, json).createFilled(Packages.freshYear(jdbc));
    MockHttpServletResponse page = null;
    // The queue, the package's form and its history with the lifecycle diagram.
    for (String uri : List.of("/tasks", "/reports/" + report, "/reports/" + report + "/history")) {
      page = mvc().perform(get(uri).with(oidcLogin()
              .idToken(token -> token.claims(c -> c.putAll(claims)))
              .authorities(JixiaoClaims.authorities(claims))))
          .andReturn().getResponse();
      assertThat(page.getStatus()).as(uri).isEqualTo(200);
      String html = page.getContentAsString();
      assertThat(html).as(uri).contains("htmx-config").doesNotContain("<style", " style=", " onclick=", " onchange=",
          " hx-on", "javascript:");
      assertThat(html.replaceAll("<script src=\"[^\"]+\" defer></script>", "")).as(uri).doesNotContain("<script");
    }

    MockHttpServletResponse loginRedirect = mvc().perform(get("/tasks")).andReturn().getResponse();
    assertThat(loginRedirect.getStatus()).isEqualTo(302);

    for (MockHttpServletResponse response : List.of(page, loginRedirect)) {
      String csp = response.getHeader("Content-Security-Policy");
      assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
          "frame-ancestors 'none'", "form-action 'self' http://issuer.test.invalid").doesNotContain("unsafe");
      assertCommonHeaders(response);
    }
  }

  private static void assertCommonHeaders(MockHttpServletResponse response) {
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  private MockMvc mvc() {
    return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }
}
