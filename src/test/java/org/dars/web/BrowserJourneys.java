package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What every browser test class shares: the deployment under test, seen from outside, one headless
 * Chromium for the class, whose checks are written to {@code report-<class>.txt} beside the
 * screenshots when the class ends, and signing in as a person does.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserJourneys {
  static Browser browser;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars(Browser.class);
  }

  /** Before the class's first test (Arquillian resolves the parameters of static lifecycle methods itself). */
  @BeforeEach
  void startBrowser() {
    if (browser == null) {
      browser = Browser.inBuildDir("report-" + getClass().getSimpleName() + ".txt");
    }
  }

  /** Makes sure a user of the home organisation with this role exists, created through the API by the administrator. */
  void account(String user, String role, String password) {
    HttpResponse<String> r = new Http(base).asAdmin().postJson("api/v1/users", Json.createObjectBuilder().add("username", user)
        .add("organisation", "home").add("roles", Json.createArrayBuilder().add(role)).add("password", password).build().toString());
    assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.body());
  }

  /** Signs in through the login form, as a person would, in a browser without earlier cookies. */
  void signIn(String user, String password) {
    browser.driver.manage().deleteAllCookies();
    browser.open(base, "login.xhtml?ui=fa");
    browser.visible("#username").sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(password);
    browser.driver.findElement(By.id("signin")).click();
    browser.wait.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
    assertTrue(browser.visible(".account .who").getText().contains(user), "signed in as " + user);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
