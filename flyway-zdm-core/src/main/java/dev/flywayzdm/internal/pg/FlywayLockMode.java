package dev.flywayzdm.internal.pg;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Which lock Flyway holds during a run on PostgreSQL. With {@code postgresql.transactional.lock=true}
 * (Flyway's default) Flyway keeps a transaction open on a second connection for the whole run, and
 * every {@code CREATE INDEX CONCURRENTLY} or {@code VALIDATE CONSTRAINT} wait phase then waits for
 * that transaction: forever, or until a timeout.
 */
public final class FlywayLockMode {

  /** The setting that fixes it, in the form users write in flyway.conf. */
  public static final String SETTING = "flyway.postgresql.transactional.lock";

  private FlywayLockMode() {}

  /** Whether Flyway's transactional advisory lock is on (true when the setting cannot be read: Flyway's default). */
  public static boolean transactionalLockOn(Configuration configuration) {
    if (configuration == null || configuration.getPluginRegister() == null) {
      return false;
    }
    try {
      PostgreSQLConfigurationExtension postgres =
          configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
      return postgres == null || postgres.isTransactionalLock();
    } catch (LinkageError e) {
      // flyway-database-postgresql absent: Flyway could not run on PostgreSQL at all, so nothing waits on it.
      return false;
    }
  }

  /**
   * The explanation and fix, for an error that names the migration that needs it: what blocks and
   * why, then where to set {@link #SETTING} in each way of running Flyway.
   */
  public static String fixFor(String migration) {
    return migration + " builds an index or validates a constraint without a transaction, but Flyway holds its"
        + " transactional lock (" + SETTING + "=true, which is Flyway's default): that open transaction would make the build"
        + " wait forever. Set " + SETTING + "=false; Flyway then uses a session advisory lock instead."
        + " flyway.conf: " + SETTING + "=false; environment: FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false;"
        + " flyway-maven-plugin: pom <properties><" + SETTING + ">false</" + SETTING + "></properties>"
        + " (not <pluginConfiguration>, which Flyway 11 never applies to this setting);"
        + " zdm:migrate: leave it unset (its default) or -Dzdm.transactionalLock=false;"
        + " Spring Boot: spring.flyway.postgresql.transactional-lock=false.";
  }
}
