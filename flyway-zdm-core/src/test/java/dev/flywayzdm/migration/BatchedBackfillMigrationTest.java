package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@PostgresTest
class BatchedBackfillMigrationTest {

  private static final int ROWS = 200_000;
  private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);
  private static final Duration MARGIN = Duration.ofMillis(2500);
  private static final ZdmSettings FAST = ZdmSettings.builder()
      .lockTimeout(LOCK_TIMEOUT)
      .lockRetryMinBackoff(Duration.ofMillis(50))
      .lockRetryMaxBackoff(Duration.ofMillis(200))
      .build();

  /** A backfill a test chooses; Flyway names it V1__backfill. */
  static final class V1__backfill extends BatchedBackfillMigration {
    private final Supplier<Backfill> backfill;
    private final ZdmSettings settings;

    V1__backfill(Supplier<Backfill> backfill) {
      this(backfill, FAST);
    }

    V1__backfill(Supplier<Backfill> backfill, ZdmSettings settings) {
      this.backfill = backfill;
      this.settings = settings;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return settings;
    }

    @Override
    protected Backfill backfill() {
      return backfill.get();
    }
  }

  private static Backfill bump(String table) {
    return Backfill.table(table).set("counter = counter + 1, bumped = true").where("NOT bumped");
  }

  private static void createLedger(TestDatabase db, String table, int rows) throws SQLException {
    db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, note bigint NOT NULL DEFAULT 0,"
        + " counter int NOT NULL DEFAULT 0, bumped boolean NOT NULL DEFAULT false)");
    db.execute("INSERT INTO " + table + " (id, counter) SELECT g, g % 7 FROM generate_series(1, " + rows + ") g");
    db.execute("ANALYZE " + table);
  }

  @Test
  void updatesEveryRowThatNeedsItAndRecordsTheCheckpoint(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE users (id bigint PRIMARY KEY, name text, display_name text)");
    db.execute("INSERT INTO users SELECT g, 'user ' || g, CASE WHEN g % 3 = 0 THEN 'done' END FROM generate_series(1, 10000) g");

    TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("users").set("display_name = name").where("display_name IS NULL").batchSize(700))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM users WHERE display_name IS NULL")).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM users WHERE display_name = 'done'")).isEqualTo(3333);
    assertThat(db.queryValue("SELECT status FROM flyway_zdm_backfill WHERE migration = 'V1__backfill'")).isEqualTo("done");
    assertThat(db.queryLong("SELECT rows_done FROM flyway_zdm_backfill WHERE migration = 'V1__backfill'")).isEqualTo(6667);
    assertThat(db.queryLong("SELECT keys_walked FROM flyway_zdm_backfill WHERE migration = 'V1__backfill'")).isEqualTo(10000);
    assertThat(db.queryLong("SELECT remaining FROM flyway_zdm_backfill WHERE migration = 'V1__backfill'")).isZero();
  }

  @Test
  void resumesFromTheCheckpointAfterEachKillAndAppliesTheSetExactlyOnce(TestDatabase db) throws Exception {
    createLedger(db, "ledger", ROWS);
    Flyway flyway = TestFlyway.transactionalLock(db, new V1__backfill(() -> bump("ledger").batchSize(500)));
    long killAt = 0;

    for (int kill = 1; kill <= 3; kill++) {
      killAt += ThreadLocalRandom.current().nextLong(10_000, 50_000);
      CompletableFuture<Void> run = CompletableFuture.runAsync(() -> flyway.migrate());
      awaitRowsDone(db, "ledger", killAt, run);
      db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
      assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).as("kill %d stopped the run", kill)
          .isInstanceOf(ExecutionException.class);
      assertThat(db.queryValue("SELECT status FROM flyway_zdm_backfill")).isEqualTo("walking");
    }
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM ledger WHERE bumped AND counter = id % 7 + 1"))
        .as("every row bumped exactly once").isEqualTo(ROWS);
    assertThat(db.queryLong("SELECT keys_walked FROM flyway_zdm_backfill"))
        .as("no key walked twice across the runs: each resumed at its checkpoint").isEqualTo(ROWS);
    assertThat(db.queryLong("SELECT rows_done FROM flyway_zdm_backfill")).isEqualTo(ROWS);
    assertThat(db.queryValue("SELECT status FROM flyway_zdm_backfill")).isEqualTo("done");
  }

  @Test
  void writersNeverWaitLongOnTheBackfillButQueueBehindASingleUpdate(TestDatabase db) throws Exception {
    createLedger(db, "busy", ROWS);
    // The writers play the new application version: the rows they insert need no backfill.
    db.execute("ALTER TABLE busy ALTER COLUMN bumped SET DEFAULT true");
    AtomicLong nextId = new AtomicLong(ROWS);

    WriteLoad.Result safe;
    try (WriteLoad load = WriteLoad.start(db, "busy", 2, ROWS, nextId)) {
      TestFlyway.transactionalLock(db, new V1__backfill(() -> bump("busy").batchSize(2000))).migrate();
      load.awaitWrites(20);
      safe = load.stop();
    }

    WriteLoad.Result naive;
    long naiveNanos;
    try (WriteLoad load = WriteLoad.start(db, "busy", 2, ROWS, nextId)) {
      load.awaitWrites(20);
      long start = System.nanoTime();
      db.execute("UPDATE busy SET counter = counter + 1");
      naiveNanos = System.nanoTime() - start;
      load.awaitWrites(20);
      naive = load.stop();
    }

    System.out.printf("batched backfill: %d writes, longest %d ms; single UPDATE (%d ms): %d writes, longest %d ms%n",
        safe.writes(), safe.maxWait().toMillis(), naiveNanos / 1_000_000, naive.writes(), naive.maxWait().toMillis());
    assertThat(safe.failures()).as("no writer failed during the backfill").isEmpty();
    assertThat(safe.maxWait()).as("no write waited longer than lock_timeout + margin").isLessThan(LOCK_TIMEOUT.plus(MARGIN));
    assertThat(db.queryLong("SELECT count(*) FROM busy WHERE id <= " + ROWS + " AND counter = id % 7 + 2"))
        .as("backfill once, then the single UPDATE once").isEqualTo(ROWS);
    assertThat(naive.failures()).isEmpty();
    assertThat(naive.maxWait()).as("writes queued behind the single UPDATE")
        .isGreaterThan(Duration.ofNanos(naiveNanos / 3)).isGreaterThan(Duration.ofMillis(300));
  }

  @Test
  void finalPassCatchesRowsWrittenBehindTheWalk(TestDatabase db) throws Exception {
    createLedger(db, "behind", 20_000);
    // An old application version keeps inserting rows that need the backfill, with keys the walk has passed.
    db.execute("CREATE FUNCTION old_app() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF NEW.id % 1000 = 0 AND NEW.id > 0 THEN INSERT INTO behind (id, counter) VALUES (-NEW.id, 0); END IF;"
        + " RETURN NEW; END $$");
    db.execute("CREATE TRIGGER old_app AFTER UPDATE ON behind FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION old_app()");

    TestFlyway.transactionalLock(db, new V1__backfill(() -> bump("behind").batchSize(1000))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM behind WHERE id < 0")).isEqualTo(20);
    assertThat(db.queryLong("SELECT count(*) FROM behind WHERE NOT bumped")).isZero();
    assertThat(db.queryLong("SELECT final_pass_rows FROM flyway_zdm_backfill")).isEqualTo(20);
  }

  @Test
  void walksCompositeAndNonIntegerKeys(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE events (tenant text, at timestamptz, n int, kind text, PRIMARY KEY (tenant, at))");
    db.execute("INSERT INTO events SELECT 't' || (g % 7), timestamptz '2024-01-01' + g * interval '1.5 second', g, NULL"
        + " FROM generate_series(1, 5000) g");
    db.execute("CREATE TABLE docs (code uuid NOT NULL UNIQUE, body text, size int)");
    db.execute("INSERT INTO docs SELECT gen_random_uuid(), repeat('x', g % 50), NULL FROM generate_series(1, 3000) g");

    TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("events").set("kind = 'legacy'").where("kind IS NULL").batchSize(333))).migrate();
    TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("docs").key("code").set("size = length(body)").where("size IS NULL").batchSize(250))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM events WHERE kind = 'legacy'")).isEqualTo(5000);
    assertThat(db.queryLong("SELECT count(*) FROM docs WHERE size = length(body)")).isEqualTo(3000);
  }

  @Test
  void rejectsATableWithoutAKeyToWalk(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE loose (id int, note text)");

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("loose").set("note = 'x'").where("note IS NULL"))).migrate())
        .hasStackTraceContaining("V1__backfill: table \"loose\" has no primary key to walk")
        .hasStackTraceContaining(".key(\"column\", ...)");
    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("loose").key("id").set("note = 'x'").where("note IS NULL"))).migrate())
        .hasStackTraceContaining("key (\"id\") of table \"loose\" is not its primary key nor a unique index over NOT NULL columns");
  }

  @Test
  void refusesASetThatLeavesRowsMatchingThePredicate(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE people (id int PRIMARY KEY, name text, display_name text)");
    db.execute("INSERT INTO people VALUES (1, 'a', NULL), (2, NULL, NULL), (3, 'c', NULL)");

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("people").set("display_name = name").where("display_name IS NULL"))).migrate())
        .hasStackTraceContaining("1 rows of \"people\" still match \"display_name IS NULL\" (e.g. key 2)");
    assertThat(db.queryLong("SELECT count(*) FROM people WHERE display_name IS NOT NULL")).as("the batch rolled back").isZero();
  }

  @Test
  void retriesABatchWhileABlockerHoldsAConflictingLockThenFinishes(TestDatabase db) throws Exception {
    createLedger(db, "contended", 5000);
    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE contended IN SHARE MODE");
      }
      int blockerPid = SessionActivity.backendPid(blocker);
      CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
          TestFlyway.transactionalLock(db, new V1__backfill(() -> bump("contended"))).migrate());
      awaitLockWaits(db, blockerPid, 2);
      assertThat(run).isNotDone();
      blocker.commit();
      run.get(60, TimeUnit.SECONDS);
    }
    assertThat(db.queryLong("SELECT count(*) FROM contended WHERE bumped AND counter = id % 7 + 1")).isEqualTo(5000);
  }

  @Test
  void givesUpNamingTheBlockerWhenTheRetriesRunOut(TestDatabase db) throws Exception {
    createLedger(db, "blocked", 100);
    ZdmSettings bounded = FAST.toBuilder().lockRetries(2).build();
    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE blocked IN SHARE MODE");
      }
      int blockerPid = SessionActivity.backendPid(blocker);

      assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__backfill(() -> bump("blocked"), bounded)).migrate())
          .hasStackTraceContaining("V1__backfill: backfilling \"blocked\": gave up")
          .hasStackTraceContaining("pid " + blockerPid)
          .hasStackTraceContaining("ShareLock");
      blocker.rollback();
    }
  }

  @Test
  void quotesHostileTableNamesAndRejectsBadInputAtOnce(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE victims (id int)");
    db.execute("CREATE TABLE \"Tâble; DROP TABLE victims; --\" (\"Ïd\" int PRIMARY KEY, v text)");
    db.execute("INSERT INTO \"Tâble; DROP TABLE victims; --\" SELECT g FROM generate_series(1, 50) g");

    TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("Tâble; DROP TABLE victims; --").set("v = 'ok'").where("v IS NULL").batchSize(7))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM \"Tâble; DROP TABLE victims; --\" WHERE v = 'ok'")).isEqualTo(50);
    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'victims'")).isEqualTo(1);
    assertThatThrownBy(() -> Backfill.table("x".repeat(64))).hasMessageContaining("64 bytes long");
    assertThatThrownBy(() -> Backfill.table("t").batchSize(0)).hasMessageContaining("batchSize 0 must be between 1 and 1000000");
    assertThatThrownBy(() -> Backfill.table("t").set(" ")).hasMessageContaining("set(...) must not be empty");
    assertThatThrownBy(() -> Backfill.table("t").key("a\0b")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__backfill(() ->
        Backfill.table("missing; DROP TABLE victims").set("v = 1").where("v IS NULL"))).migrate())
        .hasStackTraceContaining("cannot backfill table \"missing; DROP TABLE victims\": it does not exist");
    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'victims'")).isEqualTo(1);
  }

  @Test
  void adaptsTheBatchSizeToTheTargetDuration(TestDatabase db) throws Exception {
    createLedger(db, "adaptive", 20_000);

    TestFlyway.transactionalLock(db, new V1__backfill(() ->
        bump("adaptive").batchSize(10).targetBatchDuration(Duration.ofMillis(200)))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM adaptive WHERE bumped")).isEqualTo(20_000);
    assertThat(db.queryLong("SELECT batches FROM flyway_zdm_backfill"))
        .as("grew from 10 rows per batch: far fewer than 2000 batches").isLessThan(200);
  }

  /** Waits (bounded) until the checkpoint has at least {@code rows} rows done; fails if the run ends first. */
  private static void awaitRowsDone(TestDatabase db, String table, long rows, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      Object done = db.queryValue("SELECT max(b.rows_done) FROM information_schema.tables t"
          + " LEFT JOIN flyway_zdm_backfill b ON b.target_table = '\"" + table + "\"'"
          + " WHERE t.table_name = 'flyway_zdm_backfill'");
      if (done != null && ((Number) done).longValue() >= rows) {
        return;
      }
      if (run.isDone()) {
        run.get();
        throw new AssertionError("the backfill finished before " + rows + " rows: nothing left to kill");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the backfill did not reach " + rows + " rows within 120 s");
      }
      Thread.sleep(10);
    }
  }

  /** Waits (bounded) until the blocker has caused at least {@code count} lock waits of the backfill. */
  private static void awaitLockWaits(TestDatabase db, int blockerPid, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int seen = 0;
    int lastWaiter = -1;
    long lastStart = -1;
    while (seen < count) {
      Object waiter = db.queryValue("SELECT pid || ':' || extract(epoch FROM query_start)::text FROM pg_stat_activity"
          + " WHERE " + blockerPid + " = ANY (pg_blocking_pids(pid)) AND query LIKE 'WITH%'");
      if (waiter != null) {
        String[] parts = waiter.toString().split(":");
        long start = (long) (Double.parseDouble(parts[1]) * 1_000_000);
        if (Integer.parseInt(parts[0]) != lastWaiter || start != lastStart) {
          seen++;
          lastWaiter = Integer.parseInt(parts[0]);
          lastStart = start;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the backfill did not retry behind the blocker within 30 s");
      }
      Thread.sleep(20);
    }
  }
}
