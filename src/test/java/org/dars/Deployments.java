package org.dars;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the WAR the build just packaged, exactly as users
 * deploy it, plus the test's own classes.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive dars(Class<?>... testClasses) {
    File war = new File(System.getProperty("dars.war", "target/dars.war"));
    return ShrinkWrap.create(ZipImporter.class, "dars.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(testClasses)
        .addClasses(Deployments.class, Http.class);
  }
}
