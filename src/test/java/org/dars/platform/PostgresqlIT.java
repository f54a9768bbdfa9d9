package org.dars.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs only in the PostgreSQL integration-test run: the production configuration (the CLI scripts
 * docker/ applies) really talks to PostgreSQL, and the migrations and sample library went through.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "dars.it.datasource", matches = "postgresql")
class PostgresqlIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  @Test
  void readinessReportsPostgresqlBlobStoreAndIndex() throws Exception {
    int management = Integer.getInteger("dars.management.port", 9990);
    Http health = new Http(new URL("http://127.0.0.1:" + management + "/"));
    JsonObject ready = Http.json(health.get("health/ready").body());
    assertEquals("UP", ready.getString("status"), ready.toString());
    JsonObject database = ready.getJsonArray("checks").stream().map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
    assertEquals("PostgreSQL", database.getJsonObject("data").getString("product"));
  }

  @Test
  void sampleLibraryIsSearchableOnPostgresql() {
    Http http = new Http(base).asAdmin();
    JsonObject result = http.await("api/v1/search?q=" + Http.q("خرما"),
        o -> o.getJsonNumber("total").longValue() > 0, Duration.ofSeconds(120));
    assertTrue(result.getJsonArray("hits").size() > 0);
  }
}
