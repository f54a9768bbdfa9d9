package org.dars.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dars.platform.DarsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First start: creates the home organisation and the administrator from {@code DARS_ADMIN_USER} and
 * {@code DARS_ADMIN_PASSWORD}. Without a configured password it generates one and logs it once,
 * since there is never a default password. Content from before accounts existed is given its
 * owner: the home organisation, or the organisation standing for the partner it came from.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SecurityStartup {
  private static final Logger LOG = Logger.getLogger(SecurityStartup.class);

  @Inject DarsConfig config;
  @Inject AccountService accounts;

  @Inject
  @ConfigProperty(name = "dars.instance.organisation", defaultValue = "Dars")
  String organisationName;

  @PersistenceContext(unitName = "dars")
  EntityManager em;

  @Resource UserTransaction tx;

  @PostConstruct
  void start() {
    OrganisationId home = new OrganisationId(config.homeOrganisation());
    accounts.ensureOrganisation(home, organisationName, true);
    if (accounts.accountCount() == 0) {
      Optional<String> configured = config.adminPassword();
      String password = configured.orElseGet(SecurityStartup::generated);
      accounts.ensureAccount(config.adminUser(), config.adminUser(), home,
          EnumSet.of(Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR), Optional.of(password));
      if (configured.isPresent()) {
        LOG.infof("Created the administrator '%s' of organisation '%s' with the password from DARS_ADMIN_PASSWORD",
            config.adminUser(), home);
      } else {
        LOG.warnf("Created the administrator '%s' with the generated password %s%n"
            + "    It is shown only this once. Sign in and change it, or set DARS_ADMIN_PASSWORD before the first start.",
            config.adminUser(), password);
      }
    }
    assignOwners(home);
  }

  private void assignOwners(OrganisationId home) {
    try {
      tx.begin();
      for (String table : List.of("item", "curriculum")) {
        @SuppressWarnings("unchecked")
        List<Object[]> upstream = em.createNativeQuery("SELECT DISTINCT origin_instance, origin_organisation FROM " + table
            + " WHERE owner_org IS NULL AND origin_instance IS NOT NULL").getResultList();
        for (Object[] row : upstream) {
          UUID instance = row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString());
          OrganisationId org = OrganisationId.forPartner(instance);
          accounts.ensureOrganisation(org, row[1] == null ? org.value() : row[1].toString(), true);
          em.createNativeQuery("UPDATE " + table + " SET owner_org = ?1, visibility = 'partners' WHERE owner_org IS NULL AND origin_instance = ?2")
              .setParameter(1, org.value()).setParameter(2, instance).executeUpdate();
        }
        int local = em.createNativeQuery("UPDATE " + table + " SET owner_org = ?1 WHERE owner_org IS NULL")
            .setParameter(1, home.value()).executeUpdate();
        if (local > 0) {
          LOG.infof("Gave %d %s rows from before accounts existed to the home organisation '%s'", local, table, home);
        }
      }
      tx.commit();
    } catch (Exception e) {
      try {
        tx.rollback();
      } catch (Exception ignored) {
        // the original failure is the one worth reporting
      }
      throw new IllegalStateException("Assigning owner organisations to existing content failed", e);
    }
  }

  private static String generated() {
    byte[] raw = new byte[18];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
