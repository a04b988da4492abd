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
import java.util.TimeZone;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression for issue 12.1: Flyway's {@code installed_on} is a zone-less timestamp written in the
 * TimeZone of the inserting session, which PgJDBC takes from the JVM's default zone. An expand applied
 * from a JVM in one zone and a contract checked from a JVM in another got a verdict off by the zones'
 * difference: a contract ran seconds after its expand (dropping a column the old release still read),
 * or was refused long after its soak. Here the two runs are in zones 26 hours apart (UTC-12 and
 * UTC+14), both ways, plus the pair the issue observed; the verdict must be the one a single zone gives.
 *
 * <p>Each run's connections are opened while the JVM's default zone is set, exactly as two JVMs in
 * those zones would open them (the test's data source opens a new connection each time).
 */
@PostgresTest
class SoakGateTimeZoneTest {

  @ParameterizedTest(name = "expand from {0}, contract from {1}")
  @CsvSource({"Etc/GMT+12, Etc/GMT-14", "Etc/GMT-14, Etc/GMT+12", "America/Los_Angeles, UTC", "UTC, Pacific/Kiritimati"})
  void shouldRefuseTheContractSecondsAfterItsExpandWhateverTheZonesOfTheTwoRuns(String expandZone, String contractZone,
      TestDatabase db) throws Exception {
    String schema = "soak_tz_new_" + Math.abs((expandZone + contractZone).hashCode());
    Flyway flyway = TestFlyway.configure(db.dataSource(), schema, "soak_zones", ZdmSettings.defaults()).load();

    // Given the expand applied just now from one zone (the contract, soak 1h, is refused there too)
    assertThatThrownBy(() -> inZone(expandZone, flyway::migrate)).hasMessageContaining("V2__contract must wait");

    // When the contract is tried from a JVM 26 hours away
    // Then it is still refused, with the soak's hour to go, not run at once and not a day away
    assertThatThrownBy(() -> inZone(contractZone, flyway::migrate))
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract must wait");
    assertThat(columnExists(db, schema, "name")).as("the old release's column is still there").isTrue();
    List<ContractStatus> status = inZone(contractZone, () -> statusOf(flyway));
    assertThat(status).singleElement().satisfies(contract -> {
      assertThat(contract.mayRunNow()).isFalse();
      assertThat(contract.remaining()).as("the soak of 1h, counted from the expand's end by the database's clock")
          .isBetween(Duration.ofMinutes(58), Duration.ofHours(1));
    });
  }

  @ParameterizedTest(name = "expand from {0}, contract from {1}")
  @CsvSource({"Etc/GMT+12, Etc/GMT-14", "Etc/GMT-14, Etc/GMT+12", "America/Los_Angeles, UTC", "UTC, Pacific/Kiritimati"})
  void shouldRunTheContractOfAnExpandLiveLongerThanTheSoakWhateverTheZonesOfTheTwoRuns(String expandZone,
      String contractZone, TestDatabase db) throws Exception {
    String schema = "soak_tz_old_" + Math.abs((expandZone + contractZone).hashCode());
    Flyway flyway = TestFlyway.configure(db.dataSource(), schema, "soak_zones", ZdmSettings.defaults()).load();
    assertThatThrownBy(() -> inZone(expandZone, flyway::migrate)).hasMessageContaining("V2__contract must wait");

    // Given the expand went live 2 hours ago (soak 1h): both of the times the database keeps move back
    liveSinceHoursAgo(db, schema, 2);

    // When the contract runs from a JVM in another zone, Then it runs
    assertThat(inZone(contractZone, () -> statusOf(flyway))).singleElement()
        .satisfies(contract -> assertThat(contract.mayRunNow()).as(contract.describe()).isTrue());
    assertThat(inZone(contractZone, flyway::migrate).migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, schema, "name")).isFalse();
  }

  /** Moves the expand's end back in the schema history and, where the library keeps one, in its record. */
  static void liveSinceHoursAgo(TestDatabase db, String schema, int hours) throws Exception {
    db.execute("UPDATE " + schema + ".flyway_schema_history SET installed_on = installed_on - interval '" + hours
        + " hours' WHERE version = '1'");
    if (db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = 'flyway_zdm_applied'") == 1) {
      db.execute("UPDATE " + schema + ".flyway_zdm_applied SET finished_at = finished_at - interval '" + hours
          + " hours' WHERE version = '1'");
    }
  }

  /** Runs {@code work} as a JVM whose default zone is {@code zone}: PgJDBC sets each new session's TimeZone from it. */
  static <T> T inZone(String zone, Callable<T> work) throws Exception {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      return work.call();
    } finally {
      TimeZone.setDefault(before);
    }
  }

  static boolean columnExists(TestDatabase db, String schema, String column) throws Exception {
    return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND table_name = 'users' AND column_name = '" + column + "'") == 1;
  }

  /** The soak gate's status with the project's soak, as zdm:status reads it. */
  private static List<ContractStatus> statusOf(Flyway flyway) {
    return SoakGate.status(flyway, ZdmSettings.of(flyway.getConfiguration()).soak());
  }
}
