package dev.flywayzdm.internal.backfill.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replica lag holds the backfill, with a real streaming standby whose replay is paused
 * ({@code pg_wal_replay_pause()}): the lag in bytes then grows with every batch, deterministically.
 */
@PostgresTest
class ReplicaLagThrottleTest {

  private static final long THRESHOLD = 1 << 20;
  private static final long SLACK = 64 << 10;
  private static final int ROWS = 40_000;
  private static final int BATCH = 1000;

  private static ZdmSettings settings(Duration maxWait) {
    return ZdmSettings.builder().lockTimeout(Duration.ofMillis(500)).maxReplicaLag(Duration.ZERO)
        .maxReplicaLagBytes(THRESHOLD).backfillMaxWait(maxWait).build();
  }

  private static ThrottledGate gate(TestDatabase db, Connection connection, Ledger ledger, ZdmSettings settings) {
    return ThrottledGate.of(ledger.migration(), connection, SettingsFixture.throttle(settings), Ledger.CHECKPOINTS,
        settings.lockTimeout(), db.dataSource()::getConnection);
  }

  @Test
  void noBatchRunsWhileTheStandbyLagsAndTheBackfillFinishesOnceReplayResumes(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "lagging", ROWS);
    ZdmSettings settings = settings(Duration.ofMinutes(2));
    try (Standby standby = Standby.of(db); Connection probe = db.connect(); Connection gateConnection = db.connect();
        ThrottledGate gate = gate(db, gateConnection, ledger, settings)) {
      standby.pause();
      Ledger.Recording recording = new Ledger.Recording(gate, () -> Standby.lagBytes(probe));
      CompletableFuture<BackfillRunner.Result> backfill = CompletableFuture.supplyAsync(() -> {
        try {
          return ledger.backfill(settings, recording, BATCH, Optional.empty());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      // The batches themselves build the lag; once it passes the threshold the gate must hold.
      Standby.awaitLag(probe, THRESHOLD + 1);
      Thread.sleep(1000);
      int heldAt = recording.count();
      Thread.sleep(2000);

      assertThat(recording.count()).as("batches run while the standby lagged more than the threshold").isEqualTo(heldAt);
      assertThat(heldAt).as("the hold came in the middle of the walk").isBetween(1, ROWS / BATCH - 1);
      assertThat(backfill).isNotDone();
      assertThat(db.queryValue("SELECT state FROM flyway_zdm_backfill_control WHERE migration = 'V1__lagging'"))
          .asString().startsWith("waiting for: standby zdm_standby_").contains("flyway.zdm.maxReplicaLagBytes = 1MB");

      standby.resume();
      BackfillRunner.Result result = backfill.get(120, TimeUnit.SECONDS);

      assertThat(result.remaining()).isZero();
      // The probe reads the lag just after the gate did: WAL written in between (the gate's own state row,
      // background writers of the server) may add a little, never a whole batch (about 270kB here).
      assertThat(recording.passed).as("the lag when each batch was let through while replay was paused")
          .filteredOn(passed -> passed.batch().batchesDone() < heldAt)
          .allSatisfy(passed -> assertThat(passed.probe()).isLessThanOrEqualTo(THRESHOLD + SLACK));
      assertThat(recording.count()).isGreaterThan(heldAt);
      ledger.assertEveryRowBumpedOnce();
    }
  }

  @Test
  void givesUpAfterBackfillMaxWaitNamingTheStandbyAndTheRerunContinuesFromTheCheckpoint(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "given_up", ROWS);
    ZdmSettings settings = settings(Duration.ofSeconds(1));
    try (Standby standby = Standby.of(db); Connection gateConnection = db.connect()) {
      standby.pause();
      try (ThrottledGate gate = gate(db, gateConnection, ledger, settings)) {
        assertThatThrownBy(() -> ledger.backfill(settings, gate, BATCH, Optional.empty()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("V1__given_up: the backfill waited 1s (flyway.zdm.backfillMaxWait)")
            .hasMessageContaining("standby zdm_standby_")
            .hasMessageContaining("flyway.zdm.maxReplicaLagBytes = 1MB")
            .hasMessageContaining("the next migrate continues from it");
      }
      long doneBefore = db.queryLong("SELECT rows_done FROM flyway_zdm_backfill WHERE migration = 'V1__given_up'");
      assertThat(doneBefore).isBetween(1L, ROWS - 1L);

      standby.resume();
      try (ThrottledGate gate = gate(db, gateConnection, ledger, settings(Duration.ofMinutes(2)))) {
        BackfillRunner.Result rerun = ledger.backfill(settings, gate, BATCH, Optional.empty());
        assertThat(rerun.rowsUpdated()).isEqualTo(ROWS - doneBefore);
      }
      ledger.assertEveryRowBumpedOnce();
    }
  }

  @Test
  void aRoleThatMayNotSeeTheLagIsToldSoAndNotHeldForever(TestDatabase db) throws Exception {
    db.execute("DO $$ BEGIN CREATE ROLE zdm_no_monitor LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    try (Standby standby = Standby.of(db);
        Connection unprivileged = DriverManager.getConnection(db.jdbcUrl(), "zdm_no_monitor", db.password())) {
      ReplicaLag lag = new ReplicaLag("V1__blind", unprivileged, Duration.ofSeconds(1), 1);
      List<ReplicaLag.Standby> seen = lag.standbys();

      assertThat(seen).as("the standby is listed, its details hidden").isNotEmpty()
          .allSatisfy(s -> assertThat(s.state()).isNull());
      assertThat(lag.reason()).isEmpty();
    }
  }
}
