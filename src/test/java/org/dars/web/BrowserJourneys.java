package org.dars.web;

import java.net.URL;
import org.dars.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the deployment under test, seen from outside, and one
 * headless Chromium for the class, whose checks are written to {@code report-<class>.txt} beside
 * the screenshots when the class ends.
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

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
