package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmConfigurationExtension;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Flyway as users run it, over the test database, with only the given Java migrations. */
final class TestFlyway {

  private static final AtomicInteger HISTORY = new AtomicInteger();

  private TestFlyway() {}

  /** With {@code flyway.postgresql.transactional.lock=false}, as flyway-zdm's documentation asks. */
  static Flyway sessionLock(TestDatabase db, JavaMigration... migrations) {
    return sessionLockConfiguration(db, migrations).load();
  }

  /** The same, still configurable (e.g. a {@code target} per step). */
  static FluentConfiguration sessionLockConfiguration(TestDatabase db, JavaMigration... migrations) {
    FluentConfiguration configuration = configure(db, migrations);
    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return configuration;
  }

  /** Flyway's default: the transactional lock is on. */
  static Flyway transactionalLock(TestDatabase db, JavaMigration... migrations) {
    return configure(db, migrations).load();
  }

  /** Each call gets a history table of its own, so tests sharing a database do not see each other's runs. */
  static FluentConfiguration configure(TestDatabase db, JavaMigration... migrations) {
    FluentConfiguration configuration = Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:dev/flywayzdm/migration/none")
        .table("history_" + HISTORY.incrementAndGet())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .javaMigrations(migrations);
    // These tests run an expand and its contract back to back, as in development: soak 0 (a contract
    // checks its soak gate itself, also without the callback).
    ZdmConfigurationExtension.in(configuration).apply(ZdmSettings.defaults().toBuilder().soak(Duration.ZERO).build());
    return configuration;
  }
}
