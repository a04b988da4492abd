package dev.flywayzdm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.config.ZdmProperties;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The starter's migration strategy on a real server, each case in a schema of its own: V1 creates
 * a table, V2 is an expand, V3 its contract, V4 a later migration.
 */
@PostgresTest
class StartupMigrationTest {

  @Test
  void defersAContractWhoseExpandItJustAppliedAndEverythingAfterIt(TestDatabase db) throws SQLException {
    new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway(db, "fresh", "db/soaking", "24h").load());

    assertThat(highestApplied(db, "fresh")).as("V1 and the expand V2 applied; V3 soaks, V4 comes after it").isEqualTo(2);
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'fresh'"
        + " AND table_name = 'users' AND column_name = 'name'")).as("the contract did not run").isOne();
  }

  @Test
  void aSecondStartWithTheSoakStillRunningAppliesNothingAndStarts(TestDatabase db) throws SQLException {
    Flyway flyway = flyway(db, "again", "db/soaking", "24h").load();
    new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway);
    new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway);

    assertThat(highestApplied(db, "again")).isEqualTo(2);
    assertThat(flyway.info().pending()).hasSize(2);
  }

  @Test
  void appliesEverythingInOneStartWhenTheSoakIsZero(TestDatabase db) throws SQLException {
    new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway(db, "nosoak", "db/soaking", "0").load());

    assertThat(highestApplied(db, "nosoak")).as("the expand opens its contract's gate in the same start").isEqualTo(4);
  }

  @Test
  void failModeRefusesTheStartAtTheContract(TestDatabase db) throws SQLException {
    Flyway flyway = flyway(db, "failing", "db/soaking", "24h").load();

    assertThatThrownBy(() -> new StartupMigration(SoakingContracts.FAIL, DeferredMigrationCheck.parse(null)).migrate(flyway))
        .hasRootCauseInstanceOf(MigrationRefusedException.class).rootCause().hasMessageContaining("V3__contract_users_name must wait");
    assertThat(highestApplied(db, "failing")).isEqualTo(2);
  }

  @Test
  void anExplicitTargetPastTheSoakingContractIsRefusedNotCutShort(TestDatabase db) throws SQLException {
    Flyway flyway = flyway(db, "targeted", "db/soaking", "24h").target("4").load();

    assertThatThrownBy(() -> new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway))
        .hasRootCauseInstanceOf(MigrationRefusedException.class).rootCause().hasMessageContaining("V3__contract_users_name must wait");
  }

  @Test
  void aGateThatWaitingCannotOpenFailsTheStartWithTheCallbacksExplanation(TestDatabase db) throws SQLException {
    Flyway flyway = flyway(db, "unknown", "db/unknown-expand", "24h").load();

    assertThatThrownBy(() -> new StartupMigration(SoakingContracts.DEFER, DeferredMigrationCheck.parse(null)).migrate(flyway))
        .as("expand 99 does not exist: deferring would wait forever")
        .hasRootCauseInstanceOf(MigrationRefusedException.class).rootCause().hasMessageContaining("Flyway knows no migration with version 99");
  }

  @Test
  void theOptInBackgroundCheckAppliesTheDeferredMigrationsOnceTheSoakEnds(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "background", "db/soaking", "3s").load();
    DeferredMigrationCheck check = DeferredMigrationCheck.parse("500ms");
    try {
      new StartupMigration(SoakingContracts.DEFER, check).migrate(flyway);
      assertThat(highestApplied(db, "background")).as("deferred at start-up: the 3s soak has not ended").isEqualTo(2);

      // Generous bound, not a timing claim: the soak is 3s and the check runs every 500ms.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (highestApplied(db, "background") < 4 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(highestApplied(db, "background")).as("the check applied V3 and V4 in the running application")
          .isEqualTo(4);
    } finally {
      check.destroy();
    }
  }

  @Test
  void theBackgroundCheckIsOffUnlessSetAndRefusesABadInterval() {
    assertThat(DeferredMigrationCheck.parse(null).describe()).isEqualTo("by the next start of the application");
    assertThat(DeferredMigrationCheck.parse("0").describe()).as("0 switches it off").isEqualTo(
        "by the next start of the application");
    assertThatThrownBy(() -> DeferredMigrationCheck.parse("soon")).hasMessageContaining(DeferredMigrationCheck.KEY);
  }

  private static FluentConfiguration flyway(TestDatabase db, String schema, String location, String soak) {
    FluentConfiguration configuration = Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .defaultSchema(schema).createSchemas(true)
        .locations("classpath:" + location)
        .callbacks(new ZeroDowntimeCallback());
    return ZdmProperties.configure(configuration, Map.of("flyway.zdm.soak", soak,
        "flyway.postgresql.transactional.lock", "false"));
  }

  private static long highestApplied(TestDatabase db, String schema) throws SQLException {
    return db.queryLong("SELECT max(version::int) FROM \"" + schema + "\".flyway_schema_history WHERE success");
  }
}
