package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A contract step runs only once its expand has been live for the soak, by the database's clock. */
@PostgresTest
class SoakGateTest {

  @Test
  void refusesTheContractWhileTheExpandIsYoungerThanTheSoakAndRunsItAfterwards(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_short", "soak",
        ZdmSettings.builder().soak(Duration.ofSeconds(2)).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasMessageContaining("V2__contract must wait")
        .hasMessageContaining("expand migration 1 (V1__expand.sql)")
        .hasMessageContaining("soak 2s")
        .hasMessageContaining("may run from");
    assertThat(columnExists(db, "soak_short", "name")).as("the contract did not run").isTrue();

    List<ContractStatus> status = SoakGate.status(flyway);
    assertThat(status).singleElement().satisfies(contract -> {
      assertThat(contract.migration()).isEqualTo("V2__contract");
      assertThat(contract.expandState()).isEqualTo(ContractStatus.ExpandState.APPLIED);
      assertThat(contract.mayRunNow()).isFalse();
      assertThat(contract.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
    });
    // The soak is the condition itself: wait exactly until it ends, by the database's clock.
    Thread.sleep(status.get(0).remaining().toMillis() + 100);

    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_short", "name")).isFalse();
  }

  @Test
  void anExpandAppliedLongerAgoThanTheSoakLetsTheContractRun(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_moved", "soak", ZdmSettings.defaults()).load();
    assertThatThrownBy(flyway::migrate).hasMessageContaining("soak 1d");

    db.execute("UPDATE soak_moved.flyway_schema_history SET installed_on = installed_on - interval '25 hours' WHERE version = '1'");

    assertThat(SoakGate.status(flyway)).singleElement().satisfies(contract -> assertThat(contract.mayRunNow()).isTrue());
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_moved", "name")).isFalse();
  }

  @Test
  void refusesAContractWhoseExpandWasNeverApplied(TestDatabase db) {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_missing", "soak_missing",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V1__contract_of_missing is the contract step of expand migration 7, which has not been applied");
  }

  @Test
  void refusesAContractWhoseOwnSoakIsNotADuration(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_bad", "soak_bad",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract.sql:1:1: zdm:contract soak = 'forever' is not a duration such as 500ms");
    assertThat(columnExists(db, "soak_bad", "name")).as("the contract did not run").isTrue();
  }

  @Test
  void soakZeroLetsExpandAndContractRunInOneRun(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_zero", "soak",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);
    assertThat(columnExists(db, "soak_zero", "name")).isFalse();
  }

  @Test
  void aJavaContractAnnotationWithItsOwnSoakIsEnforced(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_java", "javacontract",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__drop_name must wait")
        .hasMessageContaining("soak 1h");
    assertThat(columnExists(db, "soak_java", "name")).isTrue();
  }

  private static boolean columnExists(TestDatabase db, String schema, String column) throws Exception {
    return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND table_name = 'users' AND column_name = '" + column + "'") == 1;
  }
}
