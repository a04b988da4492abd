package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outage the callback prevents: a long transaction holds a lock on orders, the migration's
 * ALTER TABLE queues for ACCESS EXCLUSIVE, and every application query on orders queues behind it.
 * With the callback's short lock attempts the application waits at most one attempt at a time; with
 * them off, at most lock_timeout.
 */
@PostgresTest
class BlockedMigrationTest {

  private static final Logger LOG = LoggerFactory.getLogger(BlockedMigrationTest.class);
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
  /** How long the blocker keeps its transaction open after the application query was issued. */
  private static final Duration BLOCKER_HOLDS = Duration.ofSeconds(6);

  @Test
  void withTheCallbackTheApplicationWaitsAtMostOneShortLockAttemptAndTheMigrationRunsOnceTheBlockerEnds(TestDatabase db)
      throws Exception {
    FluentConfiguration flyway = TestFlyway.configure(db.dataSource(), "with_attempts", "blocker",
        ZdmSettings.builder().lockTimeout(LOCK_TIMEOUT).lockRetryMinBackoff(Duration.ofMillis(100))
            .lockRetryMaxBackoff(Duration.ofMillis(300)).maxBlockerAge(Duration.ofMillis(100)).build());

    Outcome outcome = runAgainstABlocker(db, "with_attempts", flyway, "LOCK TABLE");

    LOG.info("with short lock attempts: application query waited {} ms; migration: {}", outcome.applicationWait.toMillis(),
        outcome.migration);
    assertThat(outcome.migration).as("the callback took the lock once the blocker ended").isEqualTo("applied");
    assertThat(outcome.applicationWait).as("application wait bounded by one 100 ms attempt (+ margin), not by lock_timeout")
        .isLessThan(LOCK_TIMEOUT);
  }

  @Test
  void withAttemptsOffTheMigrationGivesUpAfterLockTimeoutAndTheApplicationWaitsAtMostThat(TestDatabase db) throws Exception {
    FluentConfiguration flyway = TestFlyway.configure(db.dataSource(), "with_callback", "blocker",
        ZdmSettings.builder().lockAttemptTimeout(Duration.ZERO).lockTimeout(LOCK_TIMEOUT)
            .maxBlockerAge(Duration.ofMillis(100)).build());

    Outcome outcome = runAgainstABlocker(db, "with_callback", flyway, "ALTER TABLE orders");

    LOG.info("with the callback: application query waited {} ms; migration: {}", outcome.applicationWait.toMillis(), outcome.migration);
    assertThat(outcome.migration).as("the ALTER gave up on lock_timeout").contains("55P03").contains("lock timeout");
    assertThat(outcome.applicationWait).as("application wait bounded by lock_timeout (+ margin), not by the blocker")
        .isLessThan(LOCK_TIMEOUT.plusSeconds(2));
  }

  @Test
  void withoutTheCallbackTheApplicationWaitsForTheWholeBlocker(TestDatabase db) throws Exception {
    FluentConfiguration flyway = Flyway.configure().dataSource(db.dataSource()).schemas("without_callback")
        .locations("classpath:dev/flywayzdm/callback/blocker");

    Outcome outcome = runAgainstABlocker(db, "without_callback", flyway, "ALTER TABLE orders");

    LOG.info("without the callback: application query waited {} ms; migration: {}", outcome.applicationWait.toMillis(), outcome.migration);
    assertThat(outcome.migration).as("the ALTER queued until the blocker ended, then ran").isEqualTo("applied");
    assertThat(outcome.applicationWait).as("application query queued behind the ALTER for the blocker's whole transaction")
        .isGreaterThan(BLOCKER_HOLDS.minusSeconds(2));
  }

  private record Outcome(Duration applicationWait, String migration) {}

  /** @param queued how the statement that queues for the lock starts */
  private static Outcome runAgainstABlocker(TestDatabase db, String schema, FluentConfiguration flyway, String queued)
      throws Exception {
    db.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY, total int);"
        + " INSERT INTO " + schema + ".orders SELECT g, g FROM generate_series(1, 1000) g");
    flyway.baselineOnMigrate(true).baselineVersion("0");
    try (Connection blocker = db.connect(); Connection application = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("SET application_name = 'nightly-report'");
        statement.execute("SELECT count(*) FROM " + schema + ".orders");
      }
      CompletableFuture<String> migration = CompletableFuture.supplyAsync(() -> {
        try {
          flyway.load().migrate();
          return "applied";
        } catch (RuntimeException e) {
          return e.getMessage();
        }
      });
      waitUntilQueued(db, queued, migration);

      CompletableFuture<Duration> applicationQuery = CompletableFuture.supplyAsync(() -> {
        long start = System.nanoTime();
        try (Statement statement = application.createStatement();
            ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + schema + ".orders")) {
          rows.next();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
      });
      try {
        applicationQuery.get(BLOCKER_HOLDS.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        // the outage: released below
      }
      blocker.rollback();
      return new Outcome(applicationQuery.get(10, TimeUnit.SECONDS), migration.get(20, TimeUnit.SECONDS));
    }
  }

  private static void waitUntilQueued(TestDatabase db, String queued, CompletableFuture<String> migration) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline && !migration.isDone()) {
      long waiting = db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND query LIKE '" + queued + "%' AND datname = current_database()");
      if (waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the migration's " + queued + " never queued for its lock; migration: "
        + (migration.isDone() ? migration.get() : "still running"));
  }
}
