package dev.flywayzdm.internal.backfill.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.backfill.BackfillSpec;
import dev.flywayzdm.internal.backfill.BatchGate;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test table whose backfill is not idempotent ({@code counter = counter + 1} where not yet bumped),
 * so a row updated twice or missed shows; plus application writers and a gate that records every batch it lets through.
 */
final class Ledger {

  static final QualifiedName CHECKPOINTS = QualifiedName.parse("table", "flyway_zdm_backfill");

  private final TestDatabase db;
  private final String table;
  private final int rows;

  private Ledger(TestDatabase db, String table, int rows) {
    this.db = db;
    this.table = table;
    this.rows = rows;
  }

  /** {@code rows} rows with counter = id % 7, none bumped. */
  static Ledger create(TestDatabase db, String table, int rows) throws SQLException {
    // No autovacuum: its WAL would blur what the replica-lag test measures between the gate's check and its own.
    db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, counter int NOT NULL, bumped boolean NOT NULL DEFAULT false,"
        + " note text) WITH (autovacuum_enabled = off)");
    db.execute("INSERT INTO " + table + " (id, counter) SELECT g, g % 7 FROM generate_series(1, " + rows + ") g");
    db.execute("ANALYZE " + table);
    return new Ledger(db, table, rows);
  }

  String migration() {
    return "V1__" + table;
  }

  BackfillSpec spec(int batch, Optional<Duration> pause) {
    return new BackfillSpec(QualifiedName.parse("table", table), "counter = counter + 1, bumped = true", "NOT bumped",
        List.of(), OptionalInt.of(batch), pause, Optional.empty());
  }

  /** Runs the backfill through {@code gate} (which the caller closes). */
  BackfillRunner.Result backfill(ZdmSettings settings, BatchGate gate, int batch, Optional<Duration> pause) throws Exception {
    try (Connection connection = db.connect()) {
      return new BackfillRunner(migration(), SettingsFixture.step(settings), CHECKPOINTS, gate).run(connection, spec(batch, pause));
    }
  }

  /** Every row bumped exactly once: rows inserted by writers start at counter = id % 7 too. */
  void assertEveryRowBumpedOnce() throws SQLException {
    assertThat(db.queryLong("SELECT count(*) FROM " + table + " WHERE NOT bumped")).as("rows missed").isZero();
    assertThat(db.queryLong("SELECT count(*) FROM " + table + " WHERE counter <> id % 7 + 1")).as("rows updated twice or never")
        .isZero();
    assertThat(db.queryLong("SELECT count(*) FROM " + table)).isGreaterThanOrEqualTo(rows);
  }

  /** Application writers: one inserts new rows past the end, one keeps rewriting the notes of random rows. */
  Writers writers() throws SQLException {
    return new Writers();
  }

  /** The writers; {@link #close()} stops them and fails on any error they met. */
  final class Writers implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong writes = new AtomicLong();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads;

    private Writers() throws SQLException {
      AtomicLong nextId = new AtomicLong(rows + 1_000_000L);
      Connection inserter = db.connect();
      Connection updater = db.connect();
      threads = List.of(
          start(inserter, c -> execute(c, "INSERT INTO " + table + " (id, counter) VALUES ("
              + nextId.get() + ", " + nextId.getAndIncrement() % 7 + ")")),
          start(updater, c -> execute(c, "UPDATE " + table + " SET note = 'app " + writes.get()
              + "' WHERE id = " + ThreadLocalRandom.current().nextInt(1, rows + 1))));
    }

    private Thread start(Connection connection, Write write) {
      Thread thread = new Thread(() -> {
        try (connection) {
          while (running.get()) {
            write.run(connection);
            writes.incrementAndGet();
            Thread.sleep(2);
          }
        } catch (Exception e) {
          failures.add(e);
        }
      }, "app-writer");
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    long writes() {
      return writes.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(10_000);
      }
      assertThat(failures).as("application writes failed").isEmpty();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @FunctionalInterface
  private interface Write {
    void run(Connection connection) throws SQLException;
  }

  /** A gate around another that records each batch it lets through and what was true at that moment. */
  static final class Recording implements BatchGate {
    private final BatchGate inner;
    private final Probe probe;
    final ConcurrentLinkedQueue<Passed> passed = new ConcurrentLinkedQueue<>();

    /** What the test reads the moment a batch is let through (replica lag, a flag). */
    @FunctionalInterface
    interface Probe {
      long read() throws SQLException;
    }

    record Passed(BatchGate.NextBatch batch, OptionalInt override, long probe) {}

    Recording(BatchGate inner, Probe probe) {
      this.inner = inner;
      this.probe = probe;
    }

    @Override
    public OptionalInt beforeBatch(NextBatch batch) throws SQLException, InterruptedException {
      OptionalInt override = inner.beforeBatch(batch);
      passed.add(new Passed(batch, override, probe.read()));
      return override;
    }

    int count() {
      return passed.size();
    }
  }
}
