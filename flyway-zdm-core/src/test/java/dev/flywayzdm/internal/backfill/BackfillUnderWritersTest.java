package dev.flywayzdm.internal.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The default (adapting) backfill with the application writing all along: inserts behind the walk
 * and beyond its end, updates of rows ahead of and behind it that hold their row lock a while, and
 * the backfill's backend killed at random moments of the walk and of the final pass. A
 * non-idempotent SET shows that no row is missed and none updated twice.
 */
@PostgresTest
class BackfillUnderWritersTest {

  private static final int ROWS = 100_000;
  private static final QualifiedName CHECKPOINTS = QualifiedName.parse("table", "flyway_zdm_backfill");
  private static final ZdmSettings FAST = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(500))
      .lockRetryMinBackoff(Duration.ofMillis(20))
      .lockRetryMaxBackoff(Duration.ofMillis(100))
      .build();
  private static final BackfillSpec BUMP = new BackfillSpec(QualifiedName.parse("table", "busy"),
      "counter = counter + 1, bumped = true", "NOT bumped", List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty());

  @Test
  void noRowMissedAndNoneUpdatedTwiceWithWritersRunningAndKillsInTheWalkAndTheFinalPass(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE busy (id bigint PRIMARY KEY, counter int NOT NULL, bumped boolean NOT NULL DEFAULT false,"
        + " touches int NOT NULL DEFAULT 0)");
    db.execute("INSERT INTO busy (id, counter) SELECT g, g % 7 FROM generate_series(1, " + ROWS + ") g");
    db.execute("ANALYZE busy");
    db.execute("CREATE SEQUENCE behind START -1 INCREMENT -1");
    db.execute("CREATE SEQUENCE beyond START " + (ROWS + 1));

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    // Inserts of rows that need the backfill (an old application version): keys behind the walk and beyond its end.
    writers.add(writer(db, writing, writerFailure, (connection, random) -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO busy (id, counter) VALUES"
          + " (nextval(?), 0)")) {
        insert.setString(1, random.nextBoolean() ? "behind" : "beyond");
        insert.executeUpdate();
      }
    }));
    // Updates of random rows ahead of and behind the walk, each holding its row lock for a few milliseconds.
    for (int i = 0; i < 2; i++) {
      writers.add(writer(db, writing, writerFailure, (connection, random) -> {
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement("UPDATE busy SET touches = touches + 1 WHERE id = ?")) {
          update.setLong(1, 1 + random.nextInt(ROWS));
          update.executeUpdate();
          Thread.sleep(random.nextInt(1, 80));
          connection.commit();
        } finally {
          connection.setAutoCommit(true);
        }
      }));
    }
    writers.forEach(Thread::start);
    try {
      SplittableRandom random = new SplittableRandom();
      killWhen(db, "rows_done >= " + random.nextInt(5_000, 30_000));
      killWhen(db, "rows_done >= " + random.nextInt(40_000, 80_000));
      killWhen(db, "status LIKE 'final pass%' AND batches >= 0 AND pg_sleep(" + random.nextInt(0, 100) / 1000.0 + ") IS NOT NULL");
    } finally {
      writing.set(false);
      for (Thread writer : writers) {
        writer.join(30_000);
      }
    }
    assertThat(writerFailure.get()).as("no application write failed").isNull();

    BackfillRunner.Result last = run(db);

    assertThat(last.remaining()).isZero();
    long inserted = db.queryLong("SELECT count(*) FROM busy WHERE id < 0 OR id > " + ROWS);
    assertThat(inserted).as("the writers inserted rows while the backfill ran").isPositive();
    assertThat(db.queryLong("SELECT sum(touches) FROM busy")).as("the writers updated rows while it ran").isPositive();
    assertThat(db.queryLong("SELECT count(*) FROM busy WHERE NOT bumped")).as("rows missed").isZero();
    assertThat(db.queryLong("SELECT count(*) FROM busy WHERE counter <> CASE WHEN id BETWEEN 1 AND " + ROWS
        + " THEN id % 7 ELSE 0 END + 1")).as("rows updated twice (or not at all)").isZero();
    assertThat(db.queryValue("SELECT status FROM flyway_zdm_backfill WHERE migration = 'V1__busy'")).isEqualTo("done");
    assertThat(db.queryLong("SELECT rows_done FROM flyway_zdm_backfill WHERE migration = 'V1__busy'"))
        .as("the checkpoint counted every row once across the kills").isEqualTo(ROWS + inserted);
    assertThat(db.queryLong("SELECT total_estimate FROM flyway_zdm_backfill WHERE migration = 'V1__busy'"))
        .as("the checkpoint shows the planner's estimate of the table's rows").isBetween(ROWS * 9L / 10, ROWS * 11L / 10);
    assertThat(db.queryLong("SELECT count(*) FROM flyway_zdm_backfill WHERE migration = 'V1__busy' AND rows_per_second >= 0"
        + " AND eta IS NOT NULL")).as("rate of the last pass (0 for the clean one) and the finish time shown").isOne();
  }

  @FunctionalInterface
  private interface Write {
    void run(Connection connection, SplittableRandom random) throws Exception;
  }

  private static Thread writer(TestDatabase db, AtomicBoolean writing, AtomicReference<Throwable> failure, Write write) {
    return new Thread(() -> {
      SplittableRandom random = new SplittableRandom();
      try (Connection connection = db.connect()) {
        while (writing.get()) {
          write.run(connection, random);
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    });
  }

  private static BackfillRunner.Result run(TestDatabase db) throws Exception {
    try (Connection connection = db.connect()) {
      return new BackfillRunner("V1__busy", SettingsFixture.step(FAST), CHECKPOINTS, BatchGate.OPEN).run(connection, BUMP);
    }
  }

  /** Starts a run and terminates its backend once its checkpoint row satisfies {@code condition}. */
  private static void killWhen(TestDatabase db, String condition) throws Exception {
    AtomicInteger pid = new AtomicInteger();
    CompletableFuture<BackfillRunner.Result> run = CompletableFuture.supplyAsync(() -> {
      try (Connection connection = db.connect()) {
        pid.set(SessionActivity.backendPid(connection));
        return new BackfillRunner("V1__busy", SettingsFixture.step(FAST), CHECKPOINTS, BatchGate.OPEN).run(connection, BUMP);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (checkpointCount(db, condition) == 0) {
      if (run.isDone()) {
        throw new AssertionError("the backfill ended before " + condition + ": " + run.handle((r, e) -> e == null ? r : e).get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint with " + condition + " within 120 s");
      }
      Thread.sleep(5);
    }
    db.execute("SELECT pg_terminate_backend(" + pid.get() + ")");
    assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
  }

  private static long checkpointCount(TestDatabase db, String condition) throws SQLException {
    try {
      return db.queryLong("SELECT count(*) FROM flyway_zdm_backfill WHERE migration = 'V1__busy' AND " + condition);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // the run has not created the checkpoint table yet
      }
      throw e;
    }
  }
}
