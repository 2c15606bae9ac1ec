package io.jixiao.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A cookie jar for logging in through Keycloak's pages with a plain HTTP client. Keycloak marks its
 * cookies {@code Secure} even over http; browsers still send them to http://localhost (a secure
 * context), {@link CookieManager} does not. So this jar forgets the flag.
 */
public final class LocalhostCookies extends CookieHandler {

  private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

  public CookieManager manager() {
    return cookies;
  }

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
    return cookies.get(uri, requestHeaders);
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.toLowerCase().startsWith("set-cookie")
        ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList() : values));
    cookies.put(uri, headers);
  }
}
