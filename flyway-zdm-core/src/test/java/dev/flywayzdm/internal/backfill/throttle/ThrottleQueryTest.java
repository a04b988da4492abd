package dev.flywayzdm.internal.backfill.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.pg.LockNotAvailableException;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The user's throttle query holds the backfill while it returns true; a wrong one stops it at once; lock retries per batch are bounded. */
@PostgresTest
class ThrottleQueryTest {

  private static ZdmSettings settings(String throttleQuery) {
    return ZdmSettings.builder().lockTimeout(Duration.ofMillis(200)).lockRetryMinBackoff(Duration.ofMillis(20))
        .lockRetryMaxBackoff(Duration.ofMillis(50)).maxReplicaLag(Duration.ZERO).maxReplicaLagBytes(0)
        .backfillThrottleQuery(throttleQuery).backfillMaxWait(Duration.ofMinutes(1)).build();
  }

  private static ThrottledGate gate(TestDatabase db, Connection connection, Ledger ledger, ZdmSettings settings) {
    return ThrottledGate.of(ledger.migration(), connection, SettingsFixture.throttle(settings), Ledger.CHECKPOINTS,
        settings.lockTimeout(), db.dataSource()::getConnection);
  }

  @Test
  void noBatchRunsWhileTheQueryReturnsTrue(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "throttled", 50_000);
    db.execute("CREATE TABLE throttle_flag (hold boolean NOT NULL)");
    db.execute("INSERT INTO throttle_flag VALUES (false)");
    ZdmSettings settings = settings("SELECT hold FROM throttle_flag");
    try (Connection gateConnection = db.connect(); Connection flag = db.connect();
        ThrottledGate throttled = gate(db, gateConnection, ledger, settings)) {
      Ledger.Recording gate = new Ledger.Recording(throttled, () -> {
        try (Statement statement = flag.createStatement(); var rows = statement.executeQuery("SELECT hold::int FROM throttle_flag")) {
          rows.next();
          return rows.getLong(1);
        }
      });
      CompletableFuture<BackfillRunner.Result> backfill = CompletableFuture.supplyAsync(() -> {
        try {
          return ledger.backfill(settings, gate, 100, Optional.of(Duration.ofMillis(20)));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (gate.count() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      db.execute("UPDATE throttle_flag SET hold = true");
      // The query runs at most once a second: give it two to see the flag.
      Thread.sleep(2000);
      int held = gate.count();
      Thread.sleep(2000);
      assertThat(gate.count()).as("batches run while the throttle query returned true").isEqualTo(held);
      assertThat(backfill).as("held, not finished").isNotDone();
      assertThat(db.queryValue("SELECT state FROM flyway_zdm_backfill_control WHERE migration = 'V1__throttled'")).asString()
          .contains("flyway.zdm.backfillThrottleQuery").contains("SELECT hold FROM throttle_flag");

      db.execute("UPDATE throttle_flag SET hold = false");
      assertThat(backfill.get(60, TimeUnit.SECONDS).remaining()).isZero();
      // The query's last answer stands for up to a second: batches let through with the flag on all came before the hold.
      assertThat(gate.passed).filteredOn(p -> p.probe() == 1)
          .allSatisfy(p -> assertThat(p.batch().batchesDone()).isLessThan(held));
    }
    ledger.assertEveryRowBumpedOnce();
    assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in%'"))
        .as("sessions left in a transaction").isZero();
  }

  @Test
  void aQueryThatIsNotOneBooleanStopsTheBackfillAtOnceNamingTheSetting(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "wrong_query", 100);
    ZdmSettings settings = settings("SELECT 1");
    try (Connection connection = db.connect(); ThrottledGate gate = gate(db, connection, ledger, settings)) {
      assertThatThrownBy(() -> ledger.backfill(settings, gate, 10, Optional.empty()))
          .hasMessageContaining("V1__wrong_query: flyway.zdm.backfillThrottleQuery returned 1 column(s) of type int4")
          .hasMessageContaining("expected exactly one row with one boolean");
    }
    ZdmSettings failing = settings("SELECT hold FROM no_such_table");
    try (Connection connection = db.connect(); ThrottledGate gate = gate(db, connection, ledger, failing)) {
      assertThatThrownBy(() -> ledger.backfill(failing, gate, 10, Optional.empty()))
          .hasMessageContaining("flyway.zdm.backfillThrottleQuery failed on its first run: [42P01]");
    }
    assertThat(db.queryLong("SELECT count(*) FROM " + "wrong_query WHERE bumped")).as("no batch ran").isZero();
  }

  @Test
  void aQueryCannotWriteAndCannotHoldLongerThanItsTimeout(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "writing_query", 100);
    db.execute("CREATE TABLE victim (id int)");
    ZdmSettings writing = settings("WITH gone AS (DELETE FROM victim RETURNING 1) SELECT true");
    try (Connection connection = db.connect(); ThrottledGate gate = gate(db, connection, ledger, writing)) {
      assertThatThrownBy(() -> ledger.backfill(writing, gate, 10, Optional.empty()))
          .hasMessageContaining("failed on its first run: [25006]");
    }
    ZdmSettings slow = settings("SELECT pg_sleep(60) IS NOT NULL");
    long start = System.nanoTime();
    try (Connection connection = db.connect(); ThrottledGate gate = gate(db, connection, ledger, slow)) {
      assertThatThrownBy(() -> ledger.backfill(slow, gate, 10, Optional.empty()))
          .hasMessageContaining("failed on its first run: [57014]");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the query's statement_timeout")
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aBatchThatKeepsMeetingALockGivesUpAfterBackfillLockRetriesAndTheRerunContinues(TestDatabase db) throws Exception {
    Ledger ledger = Ledger.create(db, "locked", 5000);
    ZdmSettings settings = settings(null).toBuilder().backfillLockRetries(1).build();
    try (Connection holder = db.connect(); Connection connection = db.connect();
        ThrottledGate gate = gate(db, connection, ledger, settings)) {
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        // SHARE conflicts with the batch's UPDATE (ROW EXCLUSIVE), not with reading the table.
        statement.execute("LOCK TABLE locked IN SHARE MODE");
      }
      assertThatThrownBy(() -> ledger.backfill(settings, gate, 500, Optional.empty()))
          .isInstanceOf(LockNotAvailableException.class)
          .hasMessageContaining("gave up after 2 attempts")
          .hasMessageContaining("flyway.zdm.backfillLockRetries=1")
          .hasMessageContaining("sessions holding or awaiting locks on \"locked\"");
      holder.rollback();
      assertThat(ledger.backfill(settings, gate, 500, Optional.empty()).remaining()).isZero();
    }
    ledger.assertEveryRowBumpedOnce();
  }
}
