package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Issue 12, item 5: every lock-timeout failure and retry of a SQL migration names who held the lock
 * (pid, user, application, state, age, query), on plain Flyway with the callback (as the official
 * plugin and command line run it) and through {@link ZeroDowntimeMigrate}; the pre-flight tells
 * blockers from sessions that only wait behind them.
 */
@PostgresTest
class LockWaitNamesBlockerTest {

  // Without the callback's short lock attempts (StatementLockFirstTest covers those): the path of statements
  // whose lock the callback cannot take first, where the statement itself waits for lock_timeout.
  private static final ZdmSettings ONE_ATTEMPT = ZdmSettings.builder().lockAttemptTimeout(Duration.ZERO)
      .lockTimeout(Duration.ofMillis(300)).build();
  private static final ZdmSettings THREE_ATTEMPTS = ZdmSettings.builder()
      .lockAttemptTimeout(Duration.ZERO)
      .lockTimeout(Duration.ofMillis(300))
      .lockRetries(2)
      .lockRetryMinBackoff(Duration.ofMillis(50))
      .lockRetryMaxBackoff(Duration.ofMillis(100))
      .lockRetryMaxTotal(Duration.ofSeconds(20))
      .build();

  @Test
  void shouldNameTheBlockerOfASqlMigrationThatFailedOnLockTimeoutWithoutRetries(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA lockname_plain; CREATE TABLE lockname_plain.orders (id bigint PRIMARY KEY)");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "lockname_plain", "lockname", ONE_ATTEMPT)
        .baselineOnMigrate(true).baselineVersion("0").load();
    try (Connection blocker = blocker(db, "lockname_plain"); CapturedLog log = CapturedLog.start()) {
      int pid = blocker.unwrap(PGConnection.class).getBackendPID();

      assertThatThrownBy(flyway::migrate).hasStackTraceContaining("55P03");

      assertThat(log.text())
          .contains("V1__add_note: \"ALTER TABLE orders ADD COLUMN note text")
          .contains("at least lock_timeout 300ms: the locks it waited for were held by pid " + pid + " (")
          .contains("@nightly-report, idle in transaction")
          .contains("AccessShareLock): SELECT count(*) FROM lockname_plain.orders");
      assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND application_name = 'flyway-zdm watcher'")).as("the side connection is closed").isZero();
    }
  }

  @Test
  void shouldNameTheBlockerOnEveryRetryAndSayHowManyAttemptsWereMadeWhenGivingUp(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA lockname_retry; CREATE TABLE lockname_retry.orders (id bigint PRIMARY KEY)");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "lockname_retry", "lockname", THREE_ATTEMPTS)
        .baselineOnMigrate(true).baselineVersion("0").load();
    try (Connection blocker = blocker(db, "lockname_retry"); CapturedLog log = CapturedLog.start()) {
      int pid = blocker.unwrap(PGConnection.class).getBackendPID();

      assertThatThrownBy(() -> ZeroDowntimeMigrate.of(flyway).migrate()).hasStackTraceContaining("55P03");

      String text = log.text();
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThat(text).contains("flyway-zdm: migrate attempt " + attempt + " failed on lock_timeout 300ms");
      }
      assertThat(text.split("needed a lock held by pid " + pid + " \\(", -1)).as("the blocker named on each attempt")
          .hasSize(4);
      assertThat(text).contains("retrying migrate (attempt 3 of at most 3)")
          .contains("gave up migrate after 3 attempts in ")
          .doesNotContain("will be retried");
    }
  }

  @Test
  void shouldTellThePreflightBlockerFromTheSessionWaitingBehindIt(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA lockname_pre; CREATE TABLE lockname_pre.orders (id bigint PRIMARY KEY)");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "lockname_pre", "lockname",
            ZdmSettings.builder().lockAttemptTimeout(Duration.ZERO).lockTimeout(Duration.ofMillis(300))
                .maxBlockerAge(Duration.ofMillis(100)).build())
        .baselineOnMigrate(true).baselineVersion("0").load();
    try (Connection holder = db.connect(); Connection waiter = db.connect()) {
      holder.setAutoCommit(false);
      waiter.setAutoCommit(false);
      int holderPid = SessionActivity.backendPid(holder);
      int waiterPid = SessionActivity.backendPid(waiter);
      try (Statement statement = holder.createStatement()) {
        statement.execute("LOCK TABLE lockname_pre.orders IN ACCESS EXCLUSIVE MODE");
      }
      try (Statement statement = waiter.createStatement()) {
        statement.execute("SELECT 1");
      }
      CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
        try (Statement statement = waiter.createStatement()) {
          statement.execute("SELECT count(*) FROM lockname_pre.orders");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      waitUntilWaiting(db, waiterPid);
      Thread.sleep(200);

      try (CapturedLog log = CapturedLog.start()) {
        assertThatThrownBy(flyway::migrate).as("its ALTER waits for the holder too").hasStackTraceContaining("55P03");
        assertThat(log.text())
            .contains("a possible blocker: pid " + holderPid + " (")
            .contains("that is itself waiting (not a blocker): pid " + waiterPid + " (")
            .contains("it waits behind pid " + holderPid);
      } finally {
        holder.rollback();
        queued.get(10, TimeUnit.SECONDS);
        waiter.rollback();
      }
    }
  }

  @Test
  void shouldNameTheHolderOfAnAdvisoryLockSuchAsAnOrphanedBuildBeforeWaitingForFlywaysLock(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA lockname_orphan");
    Flyway flyway = TestFlyway.configure(db.dataSource(), "lockname_orphan", "rerun_none", ONE_ATTEMPT).load();
    try (Connection orphan = db.connect(); CapturedLog log = CapturedLog.start()) {
      int pid = orphan.unwrap(PGConnection.class).getBackendPID();
      try (Statement statement = orphan.createStatement()) {
        statement.execute("SET application_name = 'killed-deploy'");
        statement.execute("SELECT pg_advisory_lock(4242)");
      }

      flyway.migrate();

      assertThat(log.text()).contains("flyway-zdm pre-flight: pid " + pid + " (")
          .contains("@killed-deploy, idle")
          .contains("holds an advisory lock; if it is Flyway's lock")
          .contains("SELECT pg_terminate_backend(" + pid + ")");
    }
  }

  @Test
  void shouldFindRelationNamesInAStatementQualifiedOrNot() {
    assertThat(StatementLockers.relationNames("ALTER TABLE sales.\"Orders\" ADD COLUMN x int -- orders", List.of("\"s\"")))
        .contains("\"sales\".\"Orders\"", "\"alter\"", "\"s\".\"alter\"")
        .doesNotContain("\"orders\"", "\"sales\"");
  }

  /** An old transaction of 'nightly-report' that read the table and keeps its ACCESS SHARE lock. */
  private static Connection blocker(TestDatabase db, String schema) throws Exception {
    Connection blocker = db.connect();
    blocker.setAutoCommit(false);
    try (Statement statement = blocker.createStatement()) {
      statement.execute("SET application_name = 'nightly-report'");
      statement.execute("SELECT count(*) FROM " + schema + ".orders");
    }
    return blocker;
  }

  private static void waitUntilWaiting(TestDatabase db, int pid) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid + " AND wait_event_type = 'Lock'") > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("pid " + pid + " never waited for its lock");
  }
}
