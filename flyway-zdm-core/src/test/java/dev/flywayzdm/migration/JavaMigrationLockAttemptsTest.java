package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.ConcurrentWriters;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Java migration's DDL that meets a held lock queues the application only behind one short attempt
 * ({@code flyway.zdm.lockAttemptTimeout}) at a time, not behind a whole lock_timeout per try: the same
 * short attempts the callback makes for SQL migrations.
 */
@PostgresTest
class JavaMigrationLockAttemptsTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REPORT_HOLDS_AFTER_FIRST_WAIT = Duration.ofMillis(2_500);

  static final class V1__orders_amount_positive extends ValidatedConstraintMigration {
    private final ZdmSettings settings;

    V1__orders_amount_positive(Duration lockAttempt) {
      settings = ZdmSettings.builder().lockTimeout(LOCK_TIMEOUT).lockAttemptTimeout(lockAttempt)
          .lockRetryMinBackoff(Duration.ofMillis(100)).lockRetryMaxBackoff(Duration.ofMillis(300)).soak(Duration.ZERO)
          .build();
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return settings;
    }

    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.check("orders", "orders_amount_positive", "amount > 0");
    }
  }

  @Test
  void theApplicationWaitsBehindOneShortAttemptWhileAReportHoldsTheTable(TestDatabase db) throws Exception {
    Duration longest = migrateAgainstAHeldReport(db, Duration.ofMillis(100));

    assertThat(longest).as("the application's longest query, with 100 ms attempts (lock_timeout %s)", LOCK_TIMEOUT)
        .isLessThan(Duration.ofMillis(1_000));
  }

  @Test
  void withAttemptsOffEachTryQueuesTheApplicationForTheWholeLockTimeout(TestDatabase db) throws Exception {
    Duration longest = migrateAgainstAHeldReport(db, Duration.ZERO);

    assertThat(longest).as("the application's longest query, each try waiting lock_timeout %s", LOCK_TIMEOUT)
        .isGreaterThan(Duration.ofMillis(1_500));
  }

  /** V1 meets a report that read orders and holds its transaction open; returns the application's longest query. */
  private static Duration migrateAgainstAHeldReport(TestDatabase db, Duration lockAttempt) throws Exception {
    db.execute("DROP TABLE IF EXISTS orders");
    db.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount int NOT NULL)");
    db.execute("INSERT INTO orders (amount) SELECT 1 + g % 100 FROM generate_series(1, 1000) g");
    try (Connection report = db.connect()) {
      report.setAutoCommit(false);
      try (Statement statement = report.createStatement()) {
        statement.execute("SELECT count(*) FROM orders");
      }
      CompletableFuture<Void> reportEnds = CompletableFuture.runAsync(() -> {
        try {
          awaitALockWaitOnOrders(db);
          Thread.sleep(REPORT_HOLDS_AFTER_FIRST_WAIT.toMillis());
          report.rollback();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (ConcurrentWriters application = ConcurrentWriters.start(db, 2, "SELECT amount FROM orders WHERE id = 1")) {
        TestFlyway.sessionLock(db, new V1__orders_amount_positive(lockAttempt)).migrate();
        reportEnds.get(60, TimeUnit.SECONDS);
        assertThat((Throwable) application.failure()).as("no application query failed").isNull();
        assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_amount_positive'"))
            .as("V1 applied once the report ended").isEqualTo(true);
        return application.longestCall();
      }
    }
  }

  /** Polls until a session waits for a lock on orders (the migration's try); bounded by 60 s. */
  private static void awaitALockWaitOnOrders(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (db.queryLong("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'orders'::regclass") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no session waited for a lock on orders within 60 s");
      }
      Thread.sleep(10);
    }
  }
}
