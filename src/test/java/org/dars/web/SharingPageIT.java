package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.dars.Http;
import org.dars.sharing.ForeignInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The sharing page in headless Chromium, in Persian, as the administrator: this instance's identity, a partner from
 * Khuzestan registered by hand with its key, a token issued for it, packages that partner signed
 * imported by upload (a delta before its base is refused with the release it needs; the base, the
 * delta and a repeat then arrive with their reports), a failed "sync now" against a partner that
 * does not answer, and a package exported from this instance through the download link. Every page
 * state is checked with axe-core and photographed like the other journeys.
 */
class SharingPageIT extends BrowserJourneys {

  @TempDir Path tmp;

  @Test
  void administratorRegistersPartnerIssuesTokenImportsPackagesAndExportsOneInPersian() throws Exception {
    Http http = new Http(base).asAdmin();
    ForeignInstance khuzestan = new ForeignInstance(tmp);
    signIn(Http.ADMIN, Http.ADMIN_PASSWORD);
    browser.open(base, "sharing.xhtml?ui=fa");
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    JsonObject identity = Http.json(http.get("/api/v1/instance").body());
    assertEquals(identity.getString("instanceId"), browser.visible("#instance-id").getText());
    assertEquals(identity.getString("publicKey"), browser.driver.findElement(By.id("public-key")).getAttribute("value"));
    browser.check("sharing-1-identity-fa");

    // Register the partner with what its administrator sent: instance id, name, public key.
    browser.type("partners:partner-id", khuzestan.instanceId());
    browser.type("partners:partner-name", ForeignInstance.ORGANISATION);
    browser.type("partners:partner-key", khuzestan.publicKey());
    browser.click("partners:register");
    WebElement row = partnerRow(khuzestan.instanceId());
    assertTrue(row.getText().contains(ForeignInstance.ORGANISATION), row.getText());
    assertTrue(row.getText().contains("هرگز"), "never synced: " + row.getText());
    assertTrue(browser.visible("#msgs").getText().contains("ثبت شد"), browser.visible("#msgs").getText());

    // A token for it, shown once; it opens the partner feed.
    row.findElement(By.cssSelector("[id$='issue-token']")).click();
    browser.ajaxDone();
    String token = browser.visible("#issued-token").getAttribute("value");
    assertTrue(token.startsWith("dars_"), token);
    assertEquals(200, new Http(base).withToken(token).get("/api/v1/sharing/releases").statusCode());
    browser.check("sharing-2-token-fa");
    browser.click("partners:token-done");
    assertTrue(browser.driver.findElements(By.id("issued-token")).isEmpty(), "the token is not shown again");

    // A delta whose base is not here yet: refused, saying which release it needs.
    upload(khuzestan.release11Since10(tmp.resolve("khuzestan-1.1-since-1.0.zip")));
    assertEquals("missing-base", browser.visible("#refusal-reason").getText());
    String needs = browser.visible("#needs").getText();
    assertTrue(needs.contains("1.0") && needs.contains(khuzestan.curriculumId()), needs);
    scrollTo("import-h");
    browser.check("sharing-3-refused-delta-fa");

    // The full 1.0: the report lists what was added, counts in Persian digits.
    upload(khuzestan.release10(tmp.resolve("khuzestan-1.0.zip")));
    assertEquals("imported", report().getAttribute("data-outcome"));
    List<String> added = lines("added");
    assertTrue(added.stream().anyMatch(l -> l.contains("نسخهٔ مورد")), added.toString());
    assertTrue(added.stream().anyMatch(l -> l.contains("انتشار برنامهٔ درسی") && l.contains("1.0")), added.toString());
    assertTrue(Pattern.compile("[\u06F0-\u06F9]").matcher(browser.visible("#group-added").getText()).find(),
        browser.visible("#group-added").getText());
    scrollTo("import-h");
    browser.check("sharing-4-import-report-fa");
    browser.screenshot("readme-sharing-fa");

    // Now the delta applies; the item already here is skipped, the new one added.
    upload(khuzestan.release11Since10(tmp.resolve("khuzestan-1.1-since-1.0.zip")));
    assertEquals("imported", report().getAttribute("data-outcome"));
    assertTrue(lines("skipped").stream().anyMatch(l -> l.contains("از پیش اینجا بود")), lines("skipped").toString());
    assertEquals("1.1", Http.json(http.get("/api/v1/curricula/" + khuzestan.curriculumId()).body()).getString("latestRelease"));

    // The same package again changes nothing, and says so.
    upload(khuzestan.release10(tmp.resolve("khuzestan-1.0.zip")));
    assertEquals("unchanged", report().getAttribute("data-outcome"));
    scrollTo("import-h");
    browser.check("sharing-5-import-unchanged-fa");

    // "Sync now" with a partner whose base URL answers nothing: a sentence, and the status recorded.
    ForeignInstance silent = new ForeignInstance(tmp.resolve("silent"));
    browser.type("partners:partner-id", silent.instanceId());
    browser.type("partners:partner-name", "المنصة الصامتة");
    browser.type("partners:partner-key", silent.publicKey());
    browser.type("partners:partner-url", "http://127.0.0.1:9/");
    browser.type("partners:partner-token", "dars_not-a-real-token");
    browser.click("partners:register");
    partnerRow(silent.instanceId()).findElement(By.cssSelector("[id$=':sync']")).click();
    browser.ajaxDone();
    assertTrue(browser.visible("#msgs").getText().contains("کامل نشد"), browser.visible("#msgs").getText());
    WebElement silentRow = partnerRow(silent.instanceId());
    assertTrue(!silentRow.findElements(By.tagName("time")).isEmpty(), "last attempt shown: " + silentRow.getText());
    assertTrue(!silentRow.findElements(By.tagName("details")).isEmpty(), "last error shown: " + silentRow.getText());
    scrollTo("partners-h");
    browser.check("sharing-6-sync-failed-fa");

    // Export: a sample curriculum's release 1.0 through the API's own package endpoint.
    Select curricula = new Select(browser.driver.findElement(By.id("export:curriculum")));
    curricula.selectByIndex(1);
    browser.ajaxDone();
    WebElement download = browser.visible("#download");
    String href = download.getAttribute("href");
    assertTrue(href.matches(".*/api/v1/curricula/[0-9a-f-]{36}/releases/[0-9]+\\.[0-9]+/package"), href);
    HttpResponse<byte[]> zip = http.getBytes(href.substring(href.indexOf("/api/v1/")));
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
    scrollTo("export-h");
    browser.check("sharing-7-export-fa");

    browser.open(base, "sharing.xhtml?ui=ar");
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    browser.check("sharing-8-ar");
    browser.assertChecks();
  }

  private WebElement partnerRow(String instanceId) {
    return browser.visible("tr[data-partner='" + instanceId + "']");
  }

  /** Chooses the file and sends the import form (a whole-page post), then waits for the page. */
  private void upload(Path file) {
    browser.driver.findElement(By.id("import:package")).sendKeys(file.toAbsolutePath().toString());
    browser.driver.findElement(By.id("import:import-button")).click();
    browser.wait.until(d -> !d.findElements(By.id("import-report")).isEmpty() || !d.findElements(By.id("refusal")).isEmpty());
    browser.ajaxDone();
  }

  /** Brings a section to the top of the window, so that its screenshot shows it. */
  private void scrollTo(String id) {
    browser.js("document.getElementById(arguments[0]).scrollIntoView();", id);
  }

  private WebElement report() {
    return browser.visible("#import-report");
  }

  private List<String> lines(String group) {
    return browser.driver.findElements(By.cssSelector("table[data-group='" + group + "'] tbody tr")).stream()
        .map(WebElement::getText).toList();
  }
}
