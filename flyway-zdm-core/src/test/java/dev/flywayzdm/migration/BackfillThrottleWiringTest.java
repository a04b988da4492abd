package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A backfill run by Flyway goes through the throttles its settings describe, on Flyway's own data source. */
@PostgresTest
class BackfillThrottleWiringTest {

  private static ZdmSettings throttledBy(String query) {
    return ZdmSettings.builder().lockTimeout(Duration.ofMillis(500)).backfillThrottleQuery(query).build();
  }

  @Test
  void theMigrationsSettingsReachTheGateAndTheOperatorRowIsKept(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE wired (id bigint PRIMARY KEY, done boolean NOT NULL DEFAULT false)");
    db.execute("INSERT INTO wired SELECT g FROM generate_series(1, 1000) g");

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new BatchedBackfillMigrationTest.V1__backfill(
        () -> Backfill.table("wired").set("done = true").where("NOT done"), throttledBy("SELECT 1"))).migrate())
        .hasStackTraceContaining("V1__backfill: flyway.zdm.backfillThrottleQuery returned 1 column(s) of type int4");
    assertThat(db.queryLong("SELECT count(*) FROM wired WHERE done")).isZero();

    TestFlyway.transactionalLock(db, new BatchedBackfillMigrationTest.V1__backfill(
        () -> Backfill.table("wired").set("done = true").where("NOT done"), throttledBy("SELECT false"))).migrate();
    assertThat(db.queryLong("SELECT count(*) FROM wired WHERE NOT done")).isZero();
    assertThat(db.queryValue("SELECT command || ' ' || state FROM flyway_zdm_backfill_control WHERE migration = 'V1__backfill'"))
        .isEqualTo("run running");
  }
}
