package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.dars.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administration page in headless Chromium, as an administrator uses it: an organisation and a
 * user with a Persian name, a token shown once and revoked (checked through the API), the audit
 * log filtered by kind, an index rebuild watched until done, a fixity audit; and a user without
 * the role is refused. Every state is checked with axe-core and weighed, and photographed in
 * Persian and Arabic under {@code <build dir>/ui-screenshots/}.
 */
class AdminPageIT extends BrowserJourneys {
  /** Persian digits make each run's names new, so the journey can run again on the same database. */
  private static final String RUN = persianDigits(ThreadLocalRandom.current().nextInt(1000, 10000));
  private static final String ORGANISATION = "ahvaz-college-" + RUN.chars().map(c -> c - '۰' + '0')
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
  private static final String ORGANISATION_NAME = "هنرستان کشاورزی اهواز";
  private static final String USER = "زهرا.موسوی" + RUN;
  private static final String DISPLAY_NAME = "زهرا موسوی";
  private static final String PASSWORD = "گذرواژه-مدیریت-۱۴۰۵";
  private static final String TOKEN_NAME = "افزونهٔ مودل " + RUN;

  @Test
  void administratorManagesPeopleTokensAuditIndexAndFixityAndOthersAreRefused() {
    signIn(Http.ADMIN, Http.ADMIN_PASSWORD);
    assertTrue($("a[href='admin.xhtml']").isDisplayed(), "administrators see the link");
    open("admin.xhtml?ui=fa");
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    browser.check("6-admin-fa");

    // An organisation, marked as partner.
    type("organisation-new:id", ORGANISATION);
    type("organisation-new:name", ORGANISATION_NAME);
    browser.driver.findElement(By.id("organisation-new:partner")).click();
    click("organisation-new:create");
    WebElement org = $("tr[data-organisation='" + ORGANISATION + "']");
    assertTrue(org.getText().contains(ORGANISATION_NAME), org.getText());
    assertTrue(org.getText().contains("بله"), "marked as partner: " + org.getText());
    assertTrue($("#organisations-msgs").getText().contains(ORGANISATION_NAME), $("#organisations-msgs").getText());

    // A user with a Persian name in it, author and instructor.
    type("user-new:username", USER);
    type("user-new:display-name", DISPLAY_NAME);
    new Select(browser.driver.findElement(By.id("user-new:organisation"))).selectByValue(ORGANISATION);
    roleBox("user-new:roles", "author").click();
    type("user-new:password", PASSWORD);
    click("user-new:create");
    WebElement row = $("tr[data-username='" + USER + "']");
    assertTrue(row.getText().contains(DISPLAY_NAME) && row.getText().contains(ORGANISATION_NAME)
        && row.getText().contains("نویسنده") && row.getText().contains("مربی"), row.getText());
    browser.check("6-admin-user-created-fa");

    // The same name again: the service's refusal, as a Persian sentence, not a problem JSON.
    type("user-new:username", USER);
    type("user-new:password", PASSWORD);
    click("user-new:create");
    String refusal = $("#users-msgs").getText();
    assertTrue(refusal.contains("این نام کاربری را کس دیگری دارد"), refusal);
    assertFalse(refusal.contains("{") || refusal.contains("username-taken"), refusal);

    // Edit: add the reviewer role; the API sees it.
    $("tr[data-username='" + USER + "'] button").click();
    browser.ajaxDone();
    $("#user-edit\\:display-name");
    roleBox("user-edit:roles", "reviewer").click();
    click("user-edit:save");
    browser.wait.until(d -> d.findElement(By.cssSelector("tr[data-username='" + USER + "']")).getText().contains("بازبین"));
    Http admin = new Http(base).asAdmin();
    JsonObject account = Http.jsonArray(admin.get("api/v1/users").body()).stream().map(v -> v.asJsonObject())
        .filter(a -> a.getString("username").equals(USER)).findFirst().orElseThrow();
    assertEquals(List.of("author", "instructor", "reviewer"),
        account.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString).stream().sorted().toList());
    assertEquals(ORGANISATION, account.getString("organisation"));

    // A token for the user: its secret is shown once, works, and is gone once dismissed.
    new Select(browser.driver.findElement(By.id("token-new:owner"))).selectByValue(USER);
    type("token-new:name", TOKEN_NAME);
    roleBox("token-new:scopes", "instructor").click();
    click("token-new:create");
    String secret = $("#token-secret").getAttribute("value");
    assertTrue(secret.startsWith("dars_"), secret);
    assertTrue($("button.copy[data-copy='token-secret']").isDisplayed());
    assertEquals(200, new Http(base).withToken(secret).get("api/v1/me").statusCode());
    browser.check("6-admin-token-shown-fa");
    click("token-new:secret-done");
    assertFalse(browser.driver.getPageSource().contains(secret), "the secret is not on the page any more");
    open("admin.xhtml?ui=fa");
    assertFalse(browser.driver.getPageSource().contains(secret), "nor on a new view of it");

    // Revoke it: the next request with it is refused.
    WebElement token = tokenRow();
    assertTrue(token.getText().contains(USER) && token.getText().contains("مربی"), token.getText());
    token.findElement(By.cssSelector("button")).click();
    browser.ajaxDone();
    browser.wait.until(d -> tokenRow().findElements(By.cssSelector("button")).isEmpty());
    assertFalse(tokenRow().findElement(By.cssSelector(".revoked-at")).getText().equals("—"));
    assertEquals(401, new Http(base).withToken(secret).get("api/v1/me").statusCode());

    // The audit log, filtered by kind: the new account, then the revocation, in Solar Hijri dates.
    auditOf("account-created");
    WebElement created = $("#audit-list tbody").findElements(By.tagName("tr")).stream()
        .filter(r -> r.getText().contains(USER)).findFirst().orElseThrow();
    assertTrue(Pattern.compile("۱۴[۰-۹]{2}").matcher(created.getText()).find(), "Solar Hijri year: " + created.getText());
    browser.check("6-admin-audit-fa");
    auditOf("token-revoked");
    assertTrue($("#audit-list tbody").getText().contains(TOKEN_NAME), $("#audit-list tbody").getText());

    // An index rebuild, polled until done; the poll then stops.
    click("index:rebuild");
    browser.wait.until(d -> "done".equals(rebuildState()));
    browser.ajaxDone();
    assertEquals("100", $("#rebuild-progress").getAttribute("value"));
    assertTrue(Pattern.compile("[۱-۹]").matcher($("#index-documents").getText()).find(), $("#index-documents").getText());
    assertEquals(Boolean.FALSE, browser.js("return PF('indexPoll').isActive();"));
    assertEquals("done", Http.json(admin.get("api/v1/admin/index").body()).getJsonObject("rebuild").getString("state"));
    browser.check("6-admin-index-fa");

    // Fixity: every stored file checked, none corrupt or missing.
    click("fixity:run");
    assertTrue(Pattern.compile("[۱-۹]").matcher($("#fixity-checked").getText()).find(), $("#fixity-checked").getText());
    assertEquals("۰", $("#fixity-corrupt").getText());
    assertEquals("۰", $("#fixity-missing").getText());
    browser.check("6-admin-fixity-fa");

    // The same page in Arabic: direction, Arabic-Indic digits, Gregorian dates.
    open("admin.xhtml?ui=ar");
    assertEquals("ar", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    assertTrue(Pattern.compile("[\u0660-\u0669]").matcher($("#index-documents").getText()).find(), $("#index-documents").getText());
    assertTrue($("tr[data-username='" + USER + "']").getText().contains("مؤلف"));
    browser.check("6-admin-ar");
    auditOf("token-revoked");
    assertTrue($("#audit-list tbody").getText().contains("إبطال رمز"), $("#audit-list tbody").getText());
    browser.check("6-admin-audit-ar");
    click("fixity:run");
    browser.check("6-admin-fixity-ar");

    // Someone without the role: no link, and the page answers 403 with a sentence.
    signIn(USER, PASSWORD);
    assertTrue(browser.driver.findElements(By.cssSelector("a[href='admin.xhtml']")).isEmpty(), "no link for non-admins");
    open("admin.xhtml?ui=fa");
    assertTrue($("main").getText().contains("حساب شما نقشی را که این صفحه نیاز دارد ندارد"), $("main").getText());
    browser.check("6-admin-forbidden-fa");
    HttpResponse<String> forbidden = new Http(base).as(USER, PASSWORD).get("admin.xhtml");
    assertEquals(403, forbidden.statusCode());
    HttpResponse<String> anonymous = new Http(base).get("admin.xhtml");
    assertEquals(302, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("login.xhtml"));

    browser.assertChecks();
  }

  private void auditOf(String kind) {
    new Select(browser.driver.findElement(By.id("audit:kind"))).selectByValue(kind);
    click("audit:show");
    List<WebElement> rows = $("#audit-list tbody").findElements(By.tagName("tr"));
    assertFalse(rows.isEmpty(), "events of kind " + kind);
    assertTrue(rows.stream().allMatch(r -> kind.equals(r.getAttribute("data-kind"))), "only " + kind);
  }

  /** Read in one script, since the poll replaces the element every second. */
  private String rebuildState() {
    return (String) browser.js("return document.getElementById('rebuild-state').dataset.state;");
  }

  private WebElement tokenRow() {
    return browser.driver.findElement(By.cssSelector("tr[data-token-name='" + TOKEN_NAME + "']"));
  }

  /** The check box of a role in a group of them, found by its value. */
  private WebElement roleBox(String group, String role) {
    return browser.driver.findElement(By.cssSelector("[id='" + group + "'] input[value='" + role + "']"));
  }

  private void open(String page) {
    browser.open(base, page);
  }

  private WebElement $(String css) {
    return browser.visible(css);
  }

  private void type(String id, String text) {
    browser.type(id, text);
  }

  private void click(String id) {
    browser.click(id);
  }

  private static String persianDigits(int n) {
    StringBuilder s = new StringBuilder();
    String.valueOf(n).chars().forEach(c -> s.append((char) ('۰' + c - '0')));
    return s.toString();
  }
}
