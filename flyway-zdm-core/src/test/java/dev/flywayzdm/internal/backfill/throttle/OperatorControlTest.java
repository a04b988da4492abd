package dev.flywayzdm.internal.backfill.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator steers a running backfill from SQL, with application writers running: pause, resume
 * with another batch size and pause, abort, and a rerun that continues.
 */
@PostgresTest
class OperatorControlTest {

  private static final int ROWS = 30_000;
  private static final ZdmSettings SETTINGS = ZdmSettings.builder().lockTimeout(Duration.ofMillis(500))
      .lockRetryMinBackoff(Duration.ofMillis(50)).lockRetryMaxBackoff(Duration.ofMillis(200))
      .maxReplicaLagBytes(0).maxReplicaLag(Duration.ZERO).backfillMaxWait(Duration.ofMinutes(2)).build();

  private static ThrottledGate gate(TestDatabase db, Connection connection, Ledger ledger) {
    return ThrottledGate.of(ledger.migration(), connection, SettingsFixture.throttle(SETTINGS), Ledger.CHECKPOINTS,
        SETTINGS.lockTimeout(), db.dataSource()::getConnection);
  }

  private static CompletableFuture<BackfillRunner.Result> start(Ledger ledger, Ledger.Recording gate) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return ledger.backfill(SETTINGS, gate, 100, Optional.of(Duration.ofMillis(10)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void awaitBatches(Ledger.Recording gate, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (gate.count() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(gate.count()).as("batches run").isGreaterThanOrEqualTo(atLeast);
  }

  @Test
  void pauseResumeWithOverridesAbortAndRerunWhileTheApplicationWrites(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "steered", ROWS);
    String row = " WHERE migration = 'V1__steered'";
    try (Connection gateConnection = db.connect()) {
      try (Ledger.Writers writers = ledger.writers(); ThrottledGate throttled = gate(db, gateConnection, ledger)) {
        Ledger.Recording gate = new Ledger.Recording(throttled, () -> 0);
        CompletableFuture<BackfillRunner.Result> backfill = start(ledger, gate);
        awaitBatches(gate, 5);

        db.execute("UPDATE flyway_zdm_backfill_control SET command = 'pause'" + row);
        // Seen within a second: one batch may have been under way when the command committed.
        Thread.sleep(1000);
        int paused = gate.count();
        long writesBefore = writers.writes();
        Thread.sleep(1500);
        assertThat(gate.count()).as("batches run while paused").isEqualTo(paused);
        assertThat(writers.writes()).as("the application kept writing").isGreaterThan(writesBefore);
        assertThat(db.queryValue("SELECT state FROM flyway_zdm_backfill_control" + row)).asString()
            .startsWith("waiting for: paused by an operator");

        db.execute("UPDATE flyway_zdm_backfill_control SET command = 'run', batch_size = 7, batch_pause = '20ms'" + row);
        awaitBatches(gate, paused + 20);
        assertThat(gate.passed).as("batches after the resume").filteredOn(p -> p.batch().batchesDone() > paused + 2)
            .isNotEmpty()
            .allSatisfy(p -> {
              assertThat(p.override()).hasValue(7);
              assertThat(p.batch().batchSize()).isEqualTo(7);
            });

        db.execute("UPDATE flyway_zdm_backfill_control SET command = 'abort'" + row);
        assertThat(backfill).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
            .withMessageContaining("V1__steered: backfill aborted by an operator (command 'abort' in \"flyway_zdm_backfill_control\")")
            .withMessageContaining("the next migrate continues from it");
      }
      assertThat(db.queryValue("SELECT command FROM flyway_zdm_backfill_control" + row)).isEqualTo("run");
      long doneBefore = db.queryLong("SELECT rows_done FROM flyway_zdm_backfill" + row);
      assertThat(doneBefore).isBetween(1L, ROWS - 1L);

      // The old application version stopped inserting unbumped rows; the rerun catches those it left behind the walk.
      db.execute("UPDATE flyway_zdm_backfill_control SET batch_size = NULL, batch_pause = NULL" + row);
      try (ThrottledGate gate = gate(db, gateConnection, ledger)) {
        BackfillRunner.Result rerun = ledger.backfill(SETTINGS, gate, 1000, Optional.empty());
        assertThat(rerun.remaining()).isZero();
      }
    }
    ledger.assertEveryRowBumpedOnce();
    assertThat(db.queryValue("SELECT state FROM flyway_zdm_backfill_control WHERE migration = 'V1__steered'")).isEqualTo("running");
  }

  @Test
  void aBadCommandIsRefusedByTheTableNamingWhatIsAccepted(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "refused", 10);
    try (Connection connection = db.connect(); ThrottledGate gate = gate(db, connection, ledger)) {
      ledger.backfill(SETTINGS, gate, 100, Optional.empty());
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.execute(
            "UPDATE flyway_zdm_backfill_control SET command = 'stop' WHERE migration = 'V1__refused'"))
        .hasMessageContaining("flyway_zdm_backfill_control_command_check");
  }
}
