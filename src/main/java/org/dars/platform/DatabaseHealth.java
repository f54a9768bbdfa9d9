package org.dars.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  @Resource(lookup = "java:jboss/datasources/DarsDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(c.isValid(2))
          .withData("product", c.getMetaData().getDatabaseProductName()).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getSQLState() == null ? "unavailable" : e.getSQLState()).build();
    }
  }
}
