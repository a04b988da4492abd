package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

@PostgresTest
class ZeroDowntimeMigrationTest {

  static final class V1__tuned extends ZeroDowntimeMigration {
    final AtomicReference<MigrationRun> seen = new AtomicReference<>();
    final AtomicBoolean autoCommitInside = new AtomicBoolean();

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return projectDefaults.toBuilder().lockTimeout(Duration.ofMillis(750)).build();
    }

    @Override
    protected void apply(MigrationRun run) throws Exception {
      seen.set(run);
      autoCommitInside.set(run.connection().getAutoCommit());
      run.ddl("creating table tuned", "tuned", "CREATE TABLE tuned (id int)");
    }
  }

  static final class V1__needs_session_lock extends ZeroDowntimeMigration {
    @Override
    protected void apply(MigrationRun run) {
      run.requireFlywaySessionLock();
    }
  }

  static final class V1__fails_with_autocommit_off extends ZeroDowntimeMigration {
    @Override
    protected void apply(MigrationRun run) throws Exception {
      run.connection().setAutoCommit(false);
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void runsOutsideFlywaysTransactionWithItsOwnSettingOverrides(TestDatabase db) {
    V1__tuned migration = new V1__tuned();

    MigrateResult result = TestFlyway.sessionLock(db, migration).migrate();

    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(migration.canExecuteInTransaction()).isFalse();
    assertThat(migration.autoCommitInside).as("Flyway hands over an autocommit connection").isTrue();
    MigrationRun run = migration.seen.get();
    assertThat(run.name()).isEqualTo("V1__tuned");
    assertThat(run.settings().lockTimeout()).as("the migration's override").isEqualTo(Duration.ofMillis(750));
    assertThat(run.settings().lockRetries()).as("the rest stays the project's").isEqualTo(ZdmSettings.defaults().lockRetries());
  }

  @Test
  void restoresTheConnectionsAutocommitEvenWhenTheMigrationFails(TestDatabase db) throws Exception {
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      Context context = new Context() {
        @Override
        public Configuration getConfiguration() {
          return TestFlyway.configure(db);
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      };

      assertThatThrownBy(() -> new V1__fails_with_autocommit_off().migrate(context))
          .hasMessageStartingWith("V1__fails_with_autocommit_off: boom | To continue: ")
          .hasRootCauseMessage("boom");

      assertThat(connection.getAutoCommit()).isFalse();
    }
  }

  @Test
  void failsFastNamingTheSettingWhenFlywayHoldsItsTransactionalLock(TestDatabase db) {
    long start = System.nanoTime();

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__needs_session_lock()).migrate())
        .rootCause()
        .hasMessageContaining("V1__needs_session_lock")
        .hasMessageContaining("flyway.postgresql.transactional.lock=false");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void flywaysTransactionalLockTurnsOffThroughItsPluginOnEveryFlywayVersion(TestDatabase db) {
    // The portable way from 11.7 to 13.12: .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
    // works on 11.x but needs jackson-databind 3 on the classpath from 13.x on.
    FluentConfiguration configuration = TestFlyway.configure(db);
    assertThat(FlywayLockMode.transactionalLockOn(configuration)).as("Flyway's default").isTrue();

    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);

    assertThat(FlywayLockMode.transactionalLockOn(configuration)).isFalse();
  }

  @Test
  void runsWhenFlywayUsesItsSessionLock(TestDatabase db) {
    assertThat(TestFlyway.sessionLock(db, new V1__needs_session_lock()).migrate().migrationsExecuted).isEqualTo(1);
  }
}
