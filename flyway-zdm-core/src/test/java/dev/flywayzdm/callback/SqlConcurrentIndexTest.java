package dev.flywayzdm.callback;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 3: the linter tells users to put {@code CREATE INDEX CONCURRENTLY} in a SQL file of
 * its own; under the callback that file got the 2 s DDL lock_timeout, so any transaction older than
 * that made the build fail with "canceling statement due to lock timeout", left an INVALID index,
 * and the rerun failed with "relation ... already exists". Now it waits (bounded by
 * flyway.zdm.lockRetryMaxTotal) naming who it waits for, and a rerun drops the invalid leftover.
 */
@PostgresTest
class SqlConcurrentIndexTest {

  /** Far below the age of the blocking transactions: the regression failed after this. */
  private static final ZdmSettings SETTINGS = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(800))
      .lockRetryMaxTotal(Duration.ofSeconds(60))
      .build();
  private static final AtomicLong SCHEMAS = new AtomicLong();

  private String schema;

  @BeforeEach
  void newSchema(TestDatabase db) throws SQLException {
    schema = "cic_" + SCHEMAS.incrementAndGet();
    db.execute("CREATE SCHEMA " + schema);
    db.execute("CREATE TABLE " + schema + ".orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int NOT NULL)");
    db.execute("INSERT INTO " + schema + ".orders (customer_id) SELECT g % 1000 FROM generate_series(1, 50000) g");
  }

  @Test
  void shouldWaitForATransactionOlderThanLockTimeoutAndNameItWhileWritersKeepWriting(TestDatabase db) throws Exception {
    try (Connection older = db.connect(); CapturedLog log = CapturedLog.start(); Writers writers = Writers.start(db, schema)) {
      int olderPid = SessionActivity.backendPid(older);
      older.setAutoCommit(false);
      try (Statement statement = older.createStatement()) {
        statement.executeUpdate("UPDATE " + schema + ".orders SET customer_id = customer_id WHERE id = 1");
      }
      // ends 2.5 s (three times lock_timeout) after the build started waiting for it
      Thread endsLater = new Thread(() -> rollbackOnceWaitedFor(db, older, olderPid, Duration.ofMillis(2500)), "older-transaction");
      endsLater.start();
      long writesBefore = writers.writes();

      flyway(db, "sql_cic").migrate();

      endsLater.join(10_000);
      assertThat(validity(db, "orders_customer")).as("the build waited and finished").isEqualTo("valid");
      assertThat(log.text()).as("the wait names the session it waits for")
          .contains("V1__orders_customer_index: CREATE INDEX CONCURRENTLY \"orders_customer\" on \"orders\": waiting for pid "
              + olderPid)
          .doesNotContain("canceling statement due to lock timeout");
      assertThat(writers.writes() - writesBefore).as("application writes during the build").isGreaterThan(20);
      assertThat(writers.failure()).as("no application write failed").isNull();
    }
  }

  @Test
  void shouldDropTheInvalidIndexOfAKilledBuildSoThatTheSameMigrateRunsAgain(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "sql_cic");
    try (Connection older = db.connect()) {
      older.setAutoCommit(false);
      try (Statement statement = older.createStatement()) {
        statement.executeUpdate("UPDATE " + schema + ".orders SET customer_id = customer_id WHERE id = 1");
      }
      CompletableFuture<Void> run = CompletableFuture.runAsync(flyway::migrate);
      int builder = awaitBuildBackend(db);
      db.queryValue("SELECT pg_terminate_backend(" + builder + ")");
      assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).as("the killed build fails the run");
      older.rollback();
    }
    assertThat(validity(db, "orders_customer")).as("the killed build left its index").isEqualTo("INVALID");

    try (CapturedLog log = CapturedLog.start()) {
      flyway.migrate();

      assertThat(log.text()).contains("exists but is INVALID (left by a failed or killed build): dropping it concurrently");
    }
    assertThat(validity(db, "orders_customer")).as("the rerun dropped and rebuilt it").isEqualTo("valid");
  }

  @Test
  void shouldGiveUpAfterTheWaitBoundNamingTheBlockerAndLetTheRerunBuildIt(TestDatabase db) throws Exception {
    ZdmSettings bounded = SETTINGS.toBuilder().lockRetryMaxTotal(Duration.ofSeconds(2)).build();
    Flyway flyway = TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), schema, "sql_cic", bounded))
        .baselineOnMigrate(true).baselineVersion("0").load();
    try (Connection older = db.connect(); CapturedLog log = CapturedLog.start()) {
      int olderPid = SessionActivity.backendPid(older);
      older.setAutoCommit(false);
      try (Statement statement = older.createStatement()) {
        statement.executeUpdate("UPDATE " + schema + ".orders SET customer_id = customer_id WHERE id = 1");
      }

      assertThatThrownBy(flyway::migrate).as("a wait past flyway.zdm.lockRetryMaxTotal ends the build");

      assertThat(log.text()).contains("cancelled after waiting").contains("longer than flyway.zdm.lockRetryMaxTotal=2s")
          .contains("waited for pid " + olderPid);
      older.rollback();
    }
    assertThat(validity(db, "orders_customer")).isEqualTo("INVALID");

    try (CapturedLog log = CapturedLog.start()) {
      flyway.migrate();
      assertThat(log.text()).as("the same migrate continues: no flyway repair")
          .contains("removed the failed run of").contains("no flyway repair is needed");
    }

    assertThat(validity(db, "orders_customer")).as("the rerun dropped the leftover and built it").isEqualTo("valid");
  }

  @Test
  void shouldDropTheLeftoverOfAKilledReindexSoThatItRunsAgain(TestDatabase db) throws Exception {
    db.execute("CREATE INDEX orders_customer ON " + schema + ".orders (customer_id)");
    Flyway flyway = flyway(db, "sql_reindex");
    try (Connection older = db.connect()) {
      older.setAutoCommit(false);
      try (Statement statement = older.createStatement()) {
        statement.executeUpdate("UPDATE " + schema + ".orders SET customer_id = customer_id WHERE id = 1");
      }
      CompletableFuture<Void> run = CompletableFuture.runAsync(flyway::migrate);
      int builder = awaitBuildBackend(db);
      db.queryValue("SELECT pg_terminate_backend(" + builder + ")");
      assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).as("the killed reindex fails the run");
      older.rollback();
    }
    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'orders_customer_ccnew%'"))
        .as("the killed reindex left its _ccnew index").isEqualTo(1);

    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'orders_customer_cc%'")).as("leftover dropped").isZero();
    assertThat(validity(db, "orders_customer")).isEqualTo("valid");
  }

  private Flyway flyway(TestDatabase db, String folder) {
    // the schema already holds the table: a baseline below V1
    return TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), schema, folder, SETTINGS))
        .baselineOnMigrate(true).baselineVersion("0").load();
  }

  private String validity(TestDatabase db, String index) throws SQLException {
    Object valid = db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + schema + "." + index + "')");
    return valid == null ? "missing" : ((Boolean) valid ? "valid" : "INVALID");
  }

  /** The backend running the concurrent build, once it waits for the older transaction. */
  private static int awaitBuildBackend(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Object pid = db.queryValue("SELECT pid FROM pg_stat_activity WHERE query ~* '(CREATE INDEX|REINDEX INDEX) CONCURRENTLY'"
          + " AND pid <> pg_backend_pid()"
          + " AND cardinality(pg_blocking_pids(pid)) > 0 LIMIT 1");
      if (pid != null) {
        return ((Number) pid).intValue();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no concurrent build started waiting within 20 s");
  }

  /** Rolls back {@code connection} once some session has waited for it ({@code pid}) for {@code delay}. */
  private static void rollbackOnceWaitedFor(TestDatabase db, Connection connection, int pid, Duration delay) {
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE " + pid + " = ANY (pg_blocking_pids(pid))") == 0
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(delay.toMillis());
      connection.rollback();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two application threads inserting orders, one short transaction each, until closed. */
  private static final class Writers implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread[] threads = new Thread[2];

    static Writers start(TestDatabase db, String schema) {
      Writers writers = new Writers();
      for (int i = 0; i < writers.threads.length; i++) {
        writers.threads[i] = new Thread(() -> writers.write(db, schema), "writer-" + i);
        writers.threads[i].start();
      }
      return writers;
    }

    private void write(TestDatabase db, String schema) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("SET statement_timeout = '5s'");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!stop.get() && System.nanoTime() < deadline) {
          statement.executeUpdate("INSERT INTO " + schema + ".orders (customer_id) VALUES (42)");
          writes.incrementAndGet();
          Thread.sleep(20);
        }
      } catch (SQLException | RuntimeException e) {
        failure.compareAndSet(null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    long writes() {
      return writes.get();
    }

    Throwable failure() {
      return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    }
  }
}
