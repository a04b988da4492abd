package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.ConcurrentWriters;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Issue 17: a SQL migration whose table lock another transaction holds is retried in short attempts
 * by the callback itself, so it ends the same way in every runner (plain {@code Flyway.migrate()} as
 * the official plugin and the command line run it, and {@link ZeroDowntimeMigrate}): the blocker
 * named on each attempt, success once it commits, and the application's writers never queued for
 * longer than one attempt (plus a margin), far below the migration's lock_timeout.
 */
@PostgresTest
class StatementLockFirstTest {

  private static final Duration ATTEMPT = Duration.ofMillis(100);
  /** Long on purpose: a writer queued behind one whole lock_timeout would show as a 4 s call. */
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(4);
  /** Generous for a loaded machine; still far below LOCK_TIMEOUT. */
  private static final Duration WRITER_BOUND = ATTEMPT.plusMillis(1400);

  private static final ZdmSettings SETTINGS = ZdmSettings.builder()
      .lockTimeout(LOCK_TIMEOUT)
      .lockAttemptTimeout(ATTEMPT)
      .lockRetries(100)
      .lockRetryMinBackoff(Duration.ofMillis(100))
      .lockRetryMaxBackoff(Duration.ofMillis(200))
      .lockRetryMaxTotal(Duration.ofSeconds(60))
      .build();

  @Test
  void shouldRetryAHeldLockInShortAttemptsUnderPlainFlywayMigrateAndSucceedOnceTheBlockerCommits(TestDatabase db)
      throws Exception {
    Flyway flyway = flyway(db, "lockfirst_plain", "lockfirst", SETTINGS);
    shouldRetryUntilTheBlockerCommits(db, "lockfirst_plain", () -> flyway.migrate());
  }

  @Test
  void shouldRetryAHeldLockInShortAttemptsUnderZeroDowntimeMigrateWithoutRetryingTheWholeMigrate(TestDatabase db)
      throws Exception {
    Flyway flyway = flyway(db, "lockfirst_zdm", "lockfirst", SETTINGS);
    ZeroDowntimeMigrate.Result[] result = new ZeroDowntimeMigrate.Result[1];
    shouldRetryUntilTheBlockerCommits(db, "lockfirst_zdm", () -> result[0] = ZeroDowntimeMigrate.of(flyway).migrate());
    assertThat(result[0].retries()).as("the callback got the lock: no whole-migrate retry was needed").isZero();
  }

  @Test
  void shouldWaitForTheLockInShortAttemptsOutsideATransactionToo(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), "lockfirst_notx", "lockfirst_notx",
        SETTINGS).baselineOnMigrate(true).baselineVersion("0")).load();
    db.execute("CREATE SCHEMA lockfirst_notx; CREATE TABLE lockfirst_notx.orders (id bigserial PRIMARY KEY)");
    shouldRetryUntilTheBlockerCommits(db, "lockfirst_notx", () -> flyway.migrate());
  }

  @Test
  void shouldGiveUpWithinTheTotalBoundNamingTheSettingTheBlockerAndTheLimits(TestDatabase db) throws Exception {
    ZdmSettings shortTotal = SETTINGS.toBuilder().lockRetryMaxTotal(Duration.ofMillis(1500)).build();
    Flyway flyway = flyway(db, "lockfirst_giveup", "lockfirst", shortTotal);
    try (Connection blocker = blocker(db, "lockfirst_giveup"); CapturedLog log = CapturedLog.start()) {
      int pid = blocker.unwrap(PGConnection.class).getBackendPID();

      assertThatThrownBy(() -> ZeroDowntimeMigrate.of(flyway).migrate())
          .isInstanceOf(FlywayException.class)
          .hasStackTraceContaining("V1__add_shipped_at: \"ALTER TABLE orders ADD COLUMN shipped_at timestamptz\": gave up"
              + " taking ACCESS EXCLUSIVE on \"orders\" after ")
          .hasStackTraceContaining("flyway.zdm.lockRetryMaxTotal=1500ms")
          .hasStackTraceContaining("flyway.zdm.lockAttemptTimeout=100ms")
          .hasStackTraceContaining("in the way: pid " + pid + " (")
          .hasStackTraceContaining("Locks that earlier statements of the same transaction took stayed held");
      assertThat(log.text()).as("its bound is spent: the whole migrate is not run again").doesNotContain("retrying migrate");
    }
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'lockfirst_giveup'"
        + " AND column_name = 'shipped_at'")).as("the migration rolled back").isZero();
  }

  @Test
  void shouldLeaveTheStatementAloneWhenAttemptsAreOff(TestDatabase db) throws Exception {
    ZdmSettings off = SETTINGS.toBuilder().lockAttemptTimeout(Duration.ZERO).lockTimeout(Duration.ofMillis(300)).build();
    Flyway flyway = flyway(db, "lockfirst_off", "lockfirst", off);
    try (Connection blocker = blocker(db, "lockfirst_off"); CapturedLog log = CapturedLog.start()) {
      assertThatThrownBy(flyway::migrate).hasStackTraceContaining("55P03");
      assertThat(log.text()).doesNotContain("not granted within");
    }
  }

  private interface Migrate {
    void run() throws Exception;
  }

  private static void shouldRetryUntilTheBlockerCommits(TestDatabase db, String schema, Migrate migrate) throws Exception {
    try (Connection blocker = blocker(db, schema);
        ConcurrentWriters writers = ConcurrentWriters.start(db, 3, "INSERT INTO " + schema + ".orders DEFAULT VALUES");
        CapturedLog log = CapturedLog.start()) {
      int pid = blocker.unwrap(PGConnection.class).getBackendPID();
      CompletableFuture<Void> migrated = CompletableFuture.runAsync(() -> {
        try {
          migrate.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      waitForAttempts(log, 3);
      long callsWhileBlocked = writers.calls();
      blocker.commit();
      migrated.get(60, TimeUnit.SECONDS);
      Thread.sleep(200);

      List<String> attempts = Arrays.stream(log.text().split("\n")).filter(line -> line.contains("not granted within"))
          .toList();
      assertThat(attempts).as("several short attempts").hasSizeGreaterThanOrEqualTo(3);
      assertThat(attempts).as("each attempt names the blocker").allSatisfy(line -> assertThat(line)
          .contains("V1__add_shipped_at: \"ALTER TABLE orders ADD COLUMN shipped_at timestamptz\": ACCESS EXCLUSIVE on"
              + " \"orders\" not granted within lock_timeout 100ms")
          .contains("in the way: pid " + pid + " (")
          .contains("@nightly-report, idle in transaction")
          .contains("SELECT count(*) FROM " + schema + ".orders"));
      assertThat(log.text()).contains("got ACCESS EXCLUSIVE on \"orders\" after ");
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
          + "' AND column_name = 'shipped_at'")).as("the migration ran").isEqualTo(1);
      assertThat((Object) writers.failure()).as("no writer failed").isNull();
      assertThat(writers.calls()).as("the writers kept writing while the migration waited")
          .isGreaterThan(callsWhileBlocked);
      assertThat(writers.longestCall()).as("no writer queued for a whole lock_timeout (%s)", LOCK_TIMEOUT)
          .isLessThan(WRITER_BOUND);
    }
  }

  private static Flyway flyway(TestDatabase db, String schema, String folder, ZdmSettings settings) throws Exception {
    db.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".orders (id bigserial PRIMARY KEY)");
    return TestFlyway.configure(db.dataSource(), schema, folder, settings).baselineOnMigrate(true).baselineVersion("0")
        .load();
  }

  /** A reporting transaction of 'nightly-report' that read the table and keeps its ACCESS SHARE lock. */
  private static Connection blocker(TestDatabase db, String schema) throws Exception {
    Connection blocker = db.connect();
    blocker.setAutoCommit(false);
    try (Statement statement = blocker.createStatement()) {
      statement.execute("SET application_name = 'nightly-report'");
      statement.execute("SELECT count(*) FROM " + schema + ".orders");
    }
    return blocker;
  }

  private static void waitForAttempts(CapturedLog log, int attempts) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (log.text().split("not granted within", -1).length > attempts) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("fewer than " + attempts + " lock attempts in 30 s:\n" + log.text());
  }
}
