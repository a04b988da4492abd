package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@PostgresTest
class ZeroDowntimeMigrateTest {

  /**
   * Without the callback's short lock attempts (lockAttemptTimeout 0): the path of statements it cannot take
   * the lock for first (a DO block, dynamic SQL), where the ALTER itself waits and the whole migrate is retried.
   */
  private static final ZdmSettings FAST_RETRIES = ZdmSettings.builder()
      .lockAttemptTimeout(Duration.ZERO)
      .lockTimeout(Duration.ofMillis(300))
      .lockRetries(30)
      .lockRetryMinBackoff(Duration.ofMillis(100))
      .lockRetryMaxBackoff(Duration.ofMillis(300))
      .lockRetryMaxTotal(Duration.ofSeconds(30))
      .build();

  @Test
  void retriesATransactionalMigrationThatHitLockTimeoutUntilTheBlockerIsGone(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA retry; CREATE TABLE retry.orders (id bigint PRIMARY KEY)");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "retry", "retry", FAST_RETRIES)
        .baselineOnMigrate(true).baselineVersion("0").load();
    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("SELECT count(*) FROM retry.orders");
      }
      CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
        try {
          // Released only once the first attempt has certainly failed: a fixed delay loses the race on a busy machine.
          waitUntilTheAlterWaits(db);
          Thread.sleep(1500);
          blocker.rollback();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
      release.get(10, TimeUnit.SECONDS);

      assertThat(result.migrationsExecuted()).isEqualTo(1);
      assertThat(result.retries()).as("failed on lock_timeout at least once").isPositive();
      assertThat(result.elapsed()).isGreaterThan(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(30));
    }
  }

  private static void waitUntilTheAlterWaits(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE orders%'") > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the migration's ALTER TABLE never waited for its lock");
  }

  @Test
  void rethrowsAnyOtherFailureAtOnce(TestDatabase db) {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "retry_broken", "retry_broken", FAST_RETRIES).load();
    long start = System.nanoTime();

    assertThatThrownBy(() -> ZeroDowntimeMigrate.of(flyway).migrate()).hasMessageContaining("missing_table");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no backoff").isLessThan(Duration.ofSeconds(5));
  }
}
