package org.dars.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (nothing is downloaded), with the
 * checks every journey makes on every page: axe-core (WCAG 2.1 A and AA), the page weight, and
 * a screenshot under the build directory.
 */
final class Browser implements AutoCloseable {
  static final long MAX_PAGE_BYTES = 1_000_000;

  final ChromeDriver driver;
  final WebDriverWait wait;
  final Path screenshots;
  private final Path profile;
  private final String report;
  /** Serious or critical axe violations, as "page: rule (n nodes)". */
  final List<String> axeProblems = new ArrayList<>();
  /** "page: bytes" for every page checked. */
  final List<String> weights = new ArrayList<>();
  /** Console messages in which Chromium reports a Content-Security-Policy violation, as "page: message". */
  final List<String> cspViolations = new ArrayList<>();

  /**
   * A browser whose screenshots go to {@code <build dir>/ui-screenshots/}; closing it writes what
   * the checks found to {@code report} there.
   */
  static Browser inBuildDir(String report) {
    Path build = Path.of(System.getProperty("dars.war", "target/dars.war")).toAbsolutePath().getParent();
    return new Browser(build.resolve("ui-screenshots"), report);
  }

  private Browser(Path screenshots, String report) {
    this.report = report;
    try {
      this.screenshots = Files.createDirectories(screenshots);
      this.profile = Files.createTempDirectory("dars-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
    // The console is where Chromium reports what the Content-Security-Policy blocked.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** Opens a page of the deployment at {@code base} and waits until it has settled. */
  void open(URL base, String page) {
    driver.get(base.toString().replaceAll("/$", "") + "/" + page);
    ajaxDone();
  }

  /** The element {@code css} selects, once it is visible. */
  WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Types into the field with this id, replacing what it held. */
  void type(String id, String text) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks the element with this id and waits for its Ajax request to end. */
  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    ajaxDone();
  }

  /** Every page checked so far: no CSP violation, no serious or critical axe violation, under the weight limit. */
  void assertChecks() {
    console("journey");
    assertTrue(cspViolations.isEmpty(), "CSP violations: " + cspViolations);
    assertTrue(axeProblems.isEmpty(), "axe: " + axeProblems);
    for (String w : weights) {
      long bytes = Long.parseLong(w.substring(w.lastIndexOf(' ') + 1));
      assertTrue(bytes < MAX_PAGE_BYTES, "page weight " + w);
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until PrimeFaces has no Ajax request in flight. */
  void ajaxDone() {
    wait.until(d -> Boolean.TRUE.equals(js(
        "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
            + " && (!window.jQuery || jQuery.active === 0);")));
  }

  /** axe-core on the current page: serious and critical violations are recorded. */
  void axe(String page) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    for (Rule r : results.getViolations()) {
      if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
        StringBuilder where = new StringBuilder();
        r.getNodes().stream().limit(3).forEach(n -> where.append(' ').append(n.getTarget()));
        axeProblems.add(page + ": " + r.getId() + " (" + r.getNodes().size() + " nodes:" + where + ")");
      }
    }
  }

  /**
   * The bytes a first visit to the current address transfers (headers and bodies of the page and
   * everything it loads, fonts included; not later Ajax): measured in a new tab with an empty cache.
   */
  long weigh(String page) {
    String url = driver.getCurrentUrl();
    String journeyTab = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    try {
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.get(url);
      js("return document.fonts.ready;");
      Object bytes = js("""
          const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .filter(e => e.initiatorType !== 'xmlhttprequest' && e.initiatorType !== 'fetch');
          return all.reduce((sum, e) => sum + (e.transferSize || 0), 0);""");
      long n = ((Number) bytes).longValue();
      weights.add(page + ": " + n);
      return n;
    } finally {
      driver.close();
      driver.switchTo().window(journeyTab);
    }
  }

  void screenshot(String name) {
    try {
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the console since the last call and keeps every CSP violation in it. */
  void console(String page) {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      String m = e.getMessage();
      if (m.contains("Content Security Policy") || m.contains("Content-Security-Policy") || m.contains("Refused to")) {
        cspViolations.add(page + ": " + m);
      }
    }
  }

  /** Everything the journeys check on a page they reach: CSP, accessibility, weight, a screenshot. */
  void check(String page) {
    console(page);
    axe(page);
    screenshot(page);
    weigh(page);
  }

  Map<String, Object> report() {
    return Map.of("axe", axeProblems, "weights", weights);
  }

  @Override
  public void close() {
    try {
      Files.writeString(screenshots.resolve(report), "CSP violations:\n" + String.join("\n", cspViolations)
          + "\n\naxe (serious/critical):\n" + String.join("\n", axeProblems)
          + "\n\npage weights (bytes):\n" + String.join("\n", weights) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.quit();
    }
  }
}
