package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.SoakGate;
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

    List<ContractStatus> status = statusOf(flyway);
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

    SoakGateTimeZoneTest.liveSinceHoursAgo(db, "soak_moved", 25);

    assertThat(statusOf(flyway)).singleElement().satisfies(contract -> assertThat(contract.mayRunNow()).isTrue());
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_moved", "name")).isFalse();
  }

  @Test
  void shouldRefuseContractWhenFlywayKnowsNoMigrationOfTheExpandsVersion(TestDatabase db) {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_missing", "soak_missing",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V1__contract_of_missing is the contract step of expand migration 7, but Flyway knows no"
            + " migration with version 7: none in its locations and none in the schema history table")
        .hasMessageNotContaining("apply the");
  }

  @Test
  void shouldRefuseContractWhoseExpandComesAfterIt(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_after", "soak_after",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract is the contract step of expand migration 3 (V3__expand.sql), which is not"
            + " applied and comes after the contract in Flyway's order");
    assertThat(columnExists(db, "soak_after", "name")).isTrue();
  }

  @Test
  void shouldRefuseContractWhoseExpandFlywayIgnores(TestDatabase db) throws Exception {
    // Given V1 and V2 applied before the expand V1.1 was added to the project
    TestFlyway.configure(db.dataSource(), "soak_ignored", "soak_ignored/base", ZdmSettings.defaults()).load().migrate();
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_ignored", "soak_ignored/base",
            ZdmSettings.builder().soak(Duration.ZERO).build())
        .locations("classpath:dev/flywayzdm/callback/soak_ignored/base", "classpath:dev/flywayzdm/callback/soak_ignored/late")
        .ignoreMigrationPatterns("*:ignored").load();

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V3__contract is the contract step of expand migration 1.1 (V1_1__expand.sql), which Flyway"
            + " ignores: it was never applied and its version is below the schema's current version");
    assertThat(columnExists(db, "soak_ignored", "name")).isTrue();
  }

  @Test
  void shouldReportAPendingExpandAsPendingInTheStatus(TestDatabase db) {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_pending", "soak", ZdmSettings.defaults()).load();

    assertThat(statusOf(flyway)).singleElement().satisfies(contract -> {
      assertThat(contract.expandState()).isEqualTo(ContractStatus.ExpandState.NOT_APPLIED);
      assertThat(contract.describe()).contains("V2__contract is the contract step of expand migration 1 (V1__expand.sql),"
          + " which is pending: Flyway has not applied it yet");
    });
  }

  @Test
  void shouldReportAFailedExpandAsFailed(TestDatabase db) {
    Flyway flyway = TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), "soak_failed", "soak_failed",
        ZdmSettings.builder().soak(Duration.ZERO).build())).load();
    assertThatThrownBy(flyway::migrate).hasMessageContaining("no_such_table");

    assertThat(statusOf(flyway)).singleElement().satisfies(contract -> {
      assertThat(contract.expandState()).isEqualTo(ContractStatus.ExpandState.FAILED);
      assertThat(contract.mayRunNow()).isFalse();
      assertThat(contract.describe()).contains("V2__contract is the contract step of expand migration 1 (V1__expand.sql),"
          + " whose latest run failed (success = false in the schema history table)");
    });
  }

  @Test
  void shouldCountAnExpandAppliedWithoutTheLibrarysRecordAsLiveFromTheLatestInstantItsInstalledOnCanDenote(
      TestDatabase db) throws Exception {
    // Given the expand applied by plain Flyway from a UTC JVM, before flyway-zdm was installed: no record
    SoakGateTimeZoneTest.inZone("UTC", () -> Flyway.configure().dataSource(db.dataSource()).schemas("soak_fallback")
        .locations("classpath:dev/flywayzdm/callback/soak_zones").target("1").load().migrate());
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_fallback", "soak_zones", ZdmSettings.defaults()).load();

    // Then its zone-less installed_on counts as a time of UTC-12, the westernmost zone: 12 hours later than it was
    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract must wait: expand migration 1 (V1__expand.sql) counts as live from")
        .hasMessageContaining("no flyway-zdm record of when it finished, as for an expand applied before flyway-zdm was"
            + " installed: installed_on + execution_time of the schema history read in UTC-12");
    assertThat(statusOf(flyway)).singleElement().satisfies(contract -> {
      assertThat(contract.liveSinceRecorded()).isFalse();
      assertThat(contract.remaining()).as("12h for the unknown zone + the soak of 1h")
          .isBetween(Duration.ofHours(13).minusMinutes(2), Duration.ofHours(13));
    });

    // When the expand was installed 14 hours ago (by the UTC clock it was written in), the soak of 1h is over
    db.execute("UPDATE soak_fallback.flyway_schema_history SET installed_on = installed_on - interval '14 hours' WHERE version = '1'");
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_fallback", "name")).isFalse();
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
  void soakZeroLetsATransactionalExpandAndItsContractRunInOneRun(TestDatabase db) throws Exception {
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

  @Test
  void shouldCountAnExpandBelowTheBaselineAsLiveFromTheBaseline(TestDatabase db) throws Exception {
    // Given a database baselined at version 1: the expand's result was there before flyway-zdm saw it
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_baseline", "soak_zones", ZdmSettings.defaults())
        .baselineVersion("1").load();
    SoakGateTimeZoneTest.inZone("UTC", flyway::baseline);
    db.execute("CREATE TABLE soak_baseline.users (id bigint PRIMARY KEY, name text, display_name text)");

    assertThatThrownBy(flyway::migrate)
        .rootCause().isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract must wait: expand migration 1 (<< Flyway Baseline >>) counts as live from")
        .hasMessageContaining("read in UTC-12");

    db.execute("UPDATE soak_baseline.flyway_schema_history SET installed_on = installed_on - interval '14 hours' WHERE version = '1'");
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_baseline", "name")).isFalse();
  }

  @Test
  void aRecordThatCannotBeWrittenNeverFailsTheMigrationAndTheGateFallsBackToTheConservativeReading(TestDatabase db)
      throws Exception {
    // Given something else in the way of the library's table: every insert into it fails
    db.execute("CREATE SCHEMA soak_unrecorded");
    db.execute("CREATE VIEW soak_unrecorded.flyway_zdm_applied AS SELECT 1 AS unrelated");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_unrecorded", "soak_zones", ZdmSettings.defaults())
        .baselineOnMigrate(true).baselineVersion("0").target("1").load();

    // Then the transactional expand still commits (the failed insert is rolled back to its savepoint)
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "soak_unrecorded", "name")).isTrue();
    Flyway contract = TestFlyway.configure(db.dataSource(), "soak_unrecorded", "soak_zones", ZdmSettings.defaults()).load();
    assertThat(statusOf(contract)).singleElement().satisfies(status -> {
      assertThat(status.liveSinceRecorded()).isFalse();
      assertThat(status.mayRunNow()).isFalse();
    });
  }

  @Test
  void shouldRecordWhenEachMigrationFinishedByTheDatabaseClock(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "soak_record", "soak",
        ZdmSettings.builder().soak(Duration.ZERO).build()).load();
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM soak_record.flyway_zdm_applied a JOIN soak_record.flyway_schema_history h"
        + " USING (installed_rank, version, script) WHERE a.history_table = 'flyway_schema_history' AND h.success"
        + " AND a.finished_at BETWEEN now() - interval '1 minute' AND now()"))
        .as("one record per migration, naming the rank of its history row").isEqualTo(2);
  }

  private static boolean columnExists(TestDatabase db, String schema, String column) throws Exception {
    return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND table_name = 'users' AND column_name = '" + column + "'") == 1;
  }

  /** The soak gate's status with the project's soak, as zdm:status reads it. */
  private static List<ContractStatus> statusOf(Flyway flyway) {
    return SoakGate.status(flyway, ZdmSettings.of(flyway.getConfiguration()).soak());
  }
}
