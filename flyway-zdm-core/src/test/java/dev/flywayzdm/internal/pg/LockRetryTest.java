package dev.flywayzdm.internal.pg;

import dev.flywayzdm.internal.step.SettingsFixture;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@PostgresTest
class LockRetryTest {

  private static final ZdmSettings FAST = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(100))
      .lockRetries(50)
      .lockRetryMinBackoff(Duration.ofMillis(20))
      .lockRetryMaxBackoff(Duration.ofMillis(100))
      .lockRetryMaxTotal(Duration.ofSeconds(20))
      .build();

  @Test
  void retriesUntilTheBlockerEndsThenSucceeds(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE retried (id int)");
    AtomicInteger attempts = new AtomicInteger();
    try (Connection blocker = db.connect(); Connection migration = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE retried IN ACCESS SHARE MODE");
      }
      CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(700);
          blocker.rollback();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      new LockRetry(SettingsFixture.locks(FAST)).run(migration, "adding column", "\"retried\"", c ->
          ShortTransaction.run(c, FAST.lockTimeout(), Duration.ZERO, tx -> {
            attempts.incrementAndGet();
            try (Statement statement = tx.createStatement()) {
              return statement.executeUpdate("ALTER TABLE retried ADD COLUMN note text");
            }
          }));
      release.get(10, TimeUnit.SECONDS);

      assertThat(attempts.get()).as("failed on lock_timeout at least once, then succeeded").isGreaterThan(1);
      assertThat(migration.getAutoCommit()).as("autocommit restored").isTrue();
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'retried' AND column_name = 'note'"))
          .isEqualTo(1);
    }
  }

  @Test
  void givesUpNamingTheBlockerAndKeepingTheSqlState(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE blocked (id int)");
    ZdmSettings bounded = FAST.toBuilder().lockRetries(2).build();
    try (Connection blocker = db.connect(); Connection migration = db.connect()) {
      int blockerPid = SessionActivity.backendPid(blocker);
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE blocked IN ROW EXCLUSIVE MODE");
      }

      assertThatThrownBy(() -> new LockRetry(SettingsFixture.locks(bounded)).run(migration, "V9__x: adding check", "\"blocked\"", c ->
          ShortTransaction.run(c, bounded.lockTimeout(), Duration.ZERO, tx -> {
            try (Statement statement = tx.createStatement()) {
              return statement.executeUpdate("ALTER TABLE blocked ADD CONSTRAINT positive CHECK (id > 0)");
            }
          })))
          .isInstanceOf(LockNotAvailableException.class)
          .hasMessageContaining("V9__x: adding check: gave up")
          .as("the give-up line says how many attempts were made").hasMessageContaining("gave up after 3 attempts in ")
          .hasMessageContaining("pid " + blockerPid)
          .hasMessageContaining("RowExclusiveLock")
          .satisfies(e -> assertThat(((LockNotAvailableException) e).getSQLState()).isEqualTo("55P03"));
      blocker.rollback();
    }
  }

  @Test
  void doesNotRetryOtherErrors(TestDatabase db) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Connection migration = db.connect()) {
      assertThatThrownBy(() -> new LockRetry(SettingsFixture.locks(FAST)).run(migration, "bad", "\"missing\"", c -> {
        attempts.incrementAndGet();
        try (Statement statement = c.createStatement()) {
          return statement.executeUpdate("ALTER TABLE missing ADD COLUMN x int");
        }
      })).hasMessageContaining("does not exist");
    }
    assertThat(attempts.get()).isEqualTo(1);
  }
}
