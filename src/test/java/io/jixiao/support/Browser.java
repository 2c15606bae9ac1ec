package io.jixiao.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A headless browser for UI tests: Debian's Chromium ({@code /usr/bin/chromium}, installed by
 * {@code .ci/run}) driven by Playwright for Java. Nothing is downloaded: the Playwright driver (Node
 * and its scripts) comes inside the Maven jars, and browser downloads are switched off
 * ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}). Background networking, component updates and sync are
 * off too, so Chromium itself calls no one either.
 *
 * <pre>{@code
 * try (Browser browser = Browser.launch()) {
 *   Page page = browser.newPage();
 *   page.navigate("http://localhost:" + port + "/");
 *   Browser.screenshot(page, "home");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  /** Where the system's Chromium lives; override with {@code -Djixiao.chromium=…}. */
  public static final Path CHROMIUM = Paths.get(System.getProperty("jixiao.chromium", "/usr/bin/chromium"));
  public static final int WIDTH = 1280;
  public static final int HEIGHT = 800;
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static final List<String> ARGS = List.of(
      "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-gpu");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;
  private final BrowserContext context;

  private Browser(Playwright playwright, com.microsoft.playwright.Browser browser, BrowserContext context) {
    this.playwright = playwright;
    this.browser = browser;
    this.context = context;
  }

  /** A headless Chromium with one browser context of 1280×800. */
  public static Browser launch() {
    return launch(WIDTH, HEIGHT);
  }

  /** A headless Chromium with one browser context of the given viewport. */
  public static Browser launch(int width, int height) {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (see .ci/run)");
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(ARGS));
      BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setViewportSize(width, height));
      return new Browser(playwright, browser, context);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A new tab in this browser's context (cookies and storage are shared between its pages). */
  public Page newPage() {
    return context.newPage();
  }

  public BrowserContext context() {
    return context;
  }

  /** The Playwright browser itself, for another context (another user, another viewport). */
  public com.microsoft.playwright.Browser browser() {
    return browser;
  }

  /** Saves the full page as {@code target/screenshots/<name>.png} and returns that path. */
  /**
   * The Chinese text a page shows outside user content ({@code lang=zh}, {@code data-user-content}),
   * scripts, styles and the elements {@code alsoSkipped} names (a selector list, may be empty), with
   * the placeholders of visible inputs: what an English page left untranslated, joined by " | ".
   */
  public static String untranslatedText(Page page, String alsoSkipped) {
    String skipped = "[lang=zh], [data-user-content], script, style" + (alsoSkipped.isBlank() ? "" : ", " + alsoSkipped);
    return (String) page.evaluate("""
        skipped => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest(skipped)) continue;
            if (/[\\u3400-\\u9fff]/.test(node.textContent)) out.push(node.textContent.trim());
          }
          document.querySelectorAll('input:not([type=hidden]):not([data-user-content])').forEach(i => {
            if (/[\\u3400-\\u9fff]/.test(i.placeholder || '')) out.push('placeholder: ' + i.placeholder);
          });
          return out.join(' | ');
        }""", skipped);
  }

  public static Path screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    try {
      context.close();
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
