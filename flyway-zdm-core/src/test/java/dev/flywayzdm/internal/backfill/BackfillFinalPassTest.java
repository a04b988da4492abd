package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.step.SettingsFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The final pass over rows that match again after the walk: batched and bounded like the walk,
 * resumable, and still waiting for rows the application holds.
 */
@PostgresTest
class BackfillFinalPassTest {

  private static final int ROWS = 200_000;
  private static final int BATCH = 1000;
  private static final int WINDOW = BATCH * BackfillRunner.FINAL_PASS_WINDOW;
  private static final QualifiedName CHECKPOINTS = QualifiedName.parse("table", "flyway_zdm_backfill");
  private static final ZdmSettings FAST = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(500))
      .lockRetryMinBackoff(Duration.ofMillis(50))
      .lockRetryMaxBackoff(Duration.ofMillis(200))
      .build();

  private static BackfillSpec bump(String table, Optional<Duration> pause) {
    return new BackfillSpec(QualifiedName.parse("table", table), "counter = counter + 1, bumped = true", "NOT bumped",
        List.of(), OptionalInt.of(BATCH), pause, Optional.empty());
  }

  /** Runs the backfill of {@code table} as migration {@code V1__<table>}. */
  private static BackfillRunner.Result run(TestDatabase db, BackfillSpec spec) throws Exception {
    try (Connection connection = db.connect()) {
      return new BackfillRunner("V1__" + spec.table().simpleName(), SettingsFixture.step(FAST), CHECKPOINTS, BatchGate.OPEN).run(connection, spec);
    }
  }

  /** A ledger walked once (every row bumped, checkpoint done), then 3 scattered rows and a block of 30,000 made to match again. */
  private static void ledgerMatchingAgain(TestDatabase db, String table) throws Exception {
    ledgerMatchingAgain(db, table, false);
  }

  /** The same, optionally as a partitioned table (one partition): its final pass walks the key, not pages. */
  private static void ledgerMatchingAgain(TestDatabase db, String table, boolean partitioned) throws Exception {
    db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, counter int NOT NULL, bumped boolean NOT NULL DEFAULT false)"
        + (partitioned ? " PARTITION BY RANGE (id)" : ""));
    if (partitioned) {
      db.execute("CREATE TABLE " + table + "_all PARTITION OF " + table + " FOR VALUES FROM (MINVALUE) TO (MAXVALUE)");
    }
    db.execute("INSERT INTO " + table + " (id, counter) SELECT g, g % 7 FROM generate_series(1, " + ROWS + ") g");
    db.execute("ANALYZE " + table);
    assertThat(run(db, bump(table, Optional.empty())).remaining()).isZero();
    db.execute("UPDATE " + table + " SET bumped = false WHERE id IN (7, 100007, 199997) OR id BETWEEN 50001 AND 80000");
  }

  /**
   * The checkpoint status of a plain table's final pass: by heap pages where the server has TID Range Scans
   * (PostgreSQL 14+), by windows of keys on PostgreSQL 13.
   */
  private static String finalPassStatus(TestDatabase db) throws SQLException {
    return db.serverVersionNum() >= 140000 ? "final pass by page" : "final pass";
  }

  /** Every checkpoint write, as the database saw it: one per committed batch, in the batch's own transaction. */
  private static void recordTrail(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE IF NOT EXISTS trail (seq bigserial, migration text, status text, last_key text[], final_pass_rows bigint, xid xid8)");
    db.execute("CREATE OR REPLACE FUNCTION record_trail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " INSERT INTO trail (migration, status, last_key, final_pass_rows, xid) VALUES (NEW.migration, NEW.status, NEW.last_key, NEW.final_pass_rows,"
        + " pg_current_xact_id()); RETURN NEW; END $$");
    db.execute("DROP TRIGGER IF EXISTS record_trail ON flyway_zdm_backfill"); // CREATE OR REPLACE TRIGGER is PostgreSQL 14+
    db.execute("CREATE TRIGGER record_trail AFTER UPDATE ON flyway_zdm_backfill FOR EACH ROW EXECUTE FUNCTION record_trail()");
    db.execute("TRUNCATE trail"); // the tests share the database: only what follows counts
  }

  @Test
  void finalPassOverAPlainTableReadsItByPagesAndUpdatesAtMostOneBatchPerTransaction(TestDatabase db) throws Exception {
    ledgerMatchingAgain(db, "paged");
    recordTrail(db);

    BackfillRunner.Result result = run(db, bump("paged", Optional.empty()));

    assertThat(result.finalPassRows()).isEqualTo(30_003);
    assertThat(result.remaining()).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM paged WHERE bumped AND counter = id % 7 + 1"
        + " + CASE WHEN id IN (7, 100007, 199997) OR id BETWEEN 50001 AND 80000 THEN 1 ELSE 0 END"))
        .as("every row bumped once by the walk, the rows that matched again once more").isEqualTo(ROWS);
    long pages = db.queryLong("SELECT pg_relation_size('paged') / current_setting('block_size')::bigint");
    List<long[]> steps = new ArrayList<>(); // {next page, rows updated} per batch of the final pass
    Set<String> transactions = new HashSet<>();
    long rowsBefore = 0;
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT last_key[1]::bigint, final_pass_rows, xid::text FROM trail"
            + " WHERE migration = 'V1__paged' AND status = '" + finalPassStatus(db) + "' AND last_key IS NOT NULL ORDER BY seq")) {
      while (rows.next()) {
        steps.add(new long[] {rows.getLong(1), rows.getLong(2) - rowsBefore});
        transactions.add(rows.getString(3));
        rowsBefore = rows.getLong(2);
      }
    }
    assertThat(steps).as("final-pass batches, by page").isNotEmpty();
    assertThat(steps).as("no batch of the final pass updated (locked) more than %d rows", BATCH)
        .allSatisfy(step -> assertThat(step[1]).isBetween(0L, (long) BATCH));
    assertThat(steps.stream().mapToLong(step -> step[1]).sum()).as("the rows caught, batch by batch").isEqualTo(30_003);
    assertThat(steps.stream().filter(step -> step[1] > 0).count())
        .as("30,003 rows to catch at most %d at a time", BATCH).isGreaterThanOrEqualTo(31);
    long end = db.serverVersionNum() >= 140000 ? pages : ROWS; // PostgreSQL 13 passes by key windows, up to the last key
    assertThat(steps.get(steps.size() - 1)[0]).as("the last pass read up to the table's end (last page, or last key on 13)")
        .isEqualTo(end);
    assertThat(transactions).as("each batch its own transaction").hasSize(steps.size());
    assertThat(result.finalPassBatches()).isEqualTo(steps.size());
  }

  @Test
  void finalPassOverAPartitionedTableReadsAtMostOneWindowOfKeysAndUpdatesAtMostOneBatchPerTransaction(TestDatabase db)
      throws Exception {
    ledgerMatchingAgain(db, "trailed", true);
    recordTrail(db);

    BackfillRunner.Result result = run(db, bump("trailed", Optional.empty()));

    assertThat(result.finalPassRows()).isEqualTo(30_003);
    assertThat(result.remaining()).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM trailed WHERE bumped AND counter = id % 7 + 1"
        + " + CASE WHEN id IN (7, 100007, 199997) OR id BETWEEN 50001 AND 80000 THEN 1 ELSE 0 END"))
        .as("every row bumped once by the walk, the rows that matched again once more").isEqualTo(ROWS);

    List<long[]> steps = new ArrayList<>(); // {keys advanced, rows updated} per batch of the final pass
    Set<String> transactions = new HashSet<>();
    long position = 0;
    long rowsBefore = 0;
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT last_key[1]::bigint, final_pass_rows, xid::text FROM trail"
            + " WHERE migration = 'V1__trailed' AND status = 'final pass' ORDER BY seq")) {
      while (rows.next()) {
        long key = rows.getLong(1);
        if (rows.wasNull()) {
          position = 0; // a new pass starts from the beginning
          continue;
        }
        steps.add(new long[] {key - position, rows.getLong(2) - rowsBefore});
        transactions.add(rows.getString(3));
        position = key;
        rowsBefore = rows.getLong(2);
      }
    }
    assertThat(steps).as("final-pass batches").isNotEmpty();
    assertThat(steps).as("no batch of the final pass read more than %d keys (a single statement would read %d)", WINDOW, ROWS)
        .allSatisfy(step -> assertThat(step[0]).isBetween(1L, (long) WINDOW));
    assertThat(steps).as("no batch of the final pass updated (locked) more than %d rows", BATCH)
        .allSatisfy(step -> assertThat(step[1]).isBetween(0L, (long) BATCH));
    assertThat(transactions).as("each batch its own transaction").hasSize(steps.size());
    assertThat(steps.size()).as("two whole passes (the second finds nothing) of at least %d batches each", ROWS / WINDOW)
        .isGreaterThanOrEqualTo(2 * ROWS / WINDOW);
    assertThat(result.finalPassBatches()).isEqualTo(steps.size());
  }

  @Test
  void resumesAKilledFinalPassFromItsCheckpointAndUpdatesNoRowTwice(TestDatabase db) throws Exception {
    ledgerMatchingAgain(db, "killed");
    AtomicInteger runnerPid = new AtomicInteger();
    CompletableFuture<BackfillRunner.Result> killed = CompletableFuture.supplyAsync(() -> {
      try (Connection connection = db.connect()) {
        runnerPid.set(SessionActivity.backendPid(connection));
        return new BackfillRunner("V1__killed", SettingsFixture.step(FAST), CHECKPOINTS, BatchGate.OPEN).run(connection, bump("killed", Optional.of(Duration.ofMillis(20))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    awaitCheckpoint(db, "migration = 'V1__killed' AND status = '" + finalPassStatus(db) + "' AND final_pass_rows >= 5000", killed);
    db.execute("SELECT pg_terminate_backend(" + runnerPid.get() + ")");
    assertThatThrownBy(() -> killed.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    long doneBeforeKill = db.queryLong("SELECT final_pass_rows FROM flyway_zdm_backfill WHERE migration = 'V1__killed'");
    assertThat(db.queryValue("SELECT status || ' after key ' || last_key[1] FROM flyway_zdm_backfill WHERE migration = 'V1__killed'"))
        .as("the checkpoint shows the final pass and its position").asString().matches(finalPassStatus(db) + " after key \\d+");

    BackfillRunner.Result resumed = run(db, bump("killed", Optional.empty()));

    assertThat(resumed.finalPassRows()).as("the resumed run only did what the killed one had not")
        .isEqualTo(30_003 - doneBeforeKill);
    assertThat(resumed.remaining()).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM killed WHERE bumped AND counter = id % 7 + 1"
        + " + CASE WHEN id IN (7, 100007, 199997) OR id BETWEEN 50001 AND 80000 THEN 1 ELSE 0 END"))
        .as("no row updated twice across the kill").isEqualTo(ROWS);
    assertThat(db.queryValue("SELECT status FROM flyway_zdm_backfill WHERE migration = 'V1__killed'")).isEqualTo("done");
  }

  @Test
  void finalPassWaitsForARowTheApplicationHeldThroughTheWalk(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE held (id bigint PRIMARY KEY, counter int NOT NULL, bumped boolean NOT NULL DEFAULT false)");
    db.execute("INSERT INTO held (id, counter) SELECT g, g % 7 FROM generate_series(1, 20000) g");
    try (Connection app = db.connect()) {
      app.setAutoCommit(false);
      try (Statement statement = app.createStatement()) {
        statement.execute("UPDATE held SET counter = counter + 100 WHERE id = 12345");
      }
      int appPid = SessionActivity.backendPid(app);
      CompletableFuture<BackfillRunner.Result> run = CompletableFuture.supplyAsync(() -> {
        try {
          return run(db, bump("held", Optional.empty()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // The walk skips the row (after a short wait); the final pass then waits for it (lock_timeout, retried).
      awaitCheckpoint(db, "migration = 'V1__held' AND status LIKE 'final pass%'", run);
      awaitBlockedBy(db, appPid, run);
      app.commit();
      BackfillRunner.Result result = run.get(60, TimeUnit.SECONDS);
      assertThat(result.remaining()).isZero();
      assertThat(result.finalPassRows()).isEqualTo(1);
    }
    assertThat(db.queryLong("SELECT counter FROM held WHERE id = 12345")).as("the application's write and one bump")
        .isEqualTo(12345 % 7 + 100 + 1);
    assertThat(db.queryLong("SELECT count(*) FROM held WHERE bumped AND counter = id % 7 + 1")).isEqualTo(19_999);
  }

  private static void awaitCheckpoint(TestDatabase db, String condition, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (db.queryLong("SELECT count(*) FROM flyway_zdm_backfill WHERE " + condition) == 0) {
      if (run.isDone()) {
        run.get();
        throw new AssertionError("the backfill finished before " + condition);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint with " + condition + " within 120 s");
      }
      Thread.sleep(10);
    }
  }

  private static void awaitBlockedBy(TestDatabase db, int blockerPid, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE " + blockerPid + " = ANY (pg_blocking_pids(pid))"
        + " AND query LIKE 'WITH %UPDATE%'") == 0) {
      if (run.isDone()) {
        run.get();
        throw new AssertionError("the backfill finished without waiting for pid " + blockerPid);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the final pass did not wait for pid " + blockerPid + " within 60 s");
      }
      Thread.sleep(10);
    }
  }
}
