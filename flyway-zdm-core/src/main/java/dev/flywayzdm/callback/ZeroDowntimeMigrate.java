package dev.flywayzdm.callback;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.FlywayInternals;
import dev.flywayzdm.internal.lockfirst.LockWaitExhaustedException;
import dev.flywayzdm.internal.pg.LockBounds;
import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.settings.DurationText;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Runs {@code flyway.migrate()} and, when a transactional migration failed on lock_timeout (55P03),
 * runs it again with exponential backoff and jitter: such a migration rolled back cleanly, so the
 * retry starts it afresh. Bounds come from {@code flyway.zdm.lockRetries},
 * {@code lockRetryMinBackoff}, {@code lockRetryMaxBackoff} and {@code lockRetryMaxTotal}. Any other
 * failure, and a lock timeout in a migration without a transaction, is rethrown at once; so is the
 * callback's own give-up on a statement's lock ({@code flyway.zdm.lockAttemptTimeout}), whose attempts
 * already spent the bounds.
 *
 * <pre>{@code
 * ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
 * // Spring Boot: @Bean FlywayMigrationStrategy strategy() { return flyway -> ZeroDowntimeMigrate.of(flyway).migrate(); }
 * }</pre>
 */
public final class ZeroDowntimeMigrate {

  private static final ZdmLog LOG = ZdmLog.of(ZeroDowntimeMigrate.class);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Flyway flyway;
  private final ZdmSettings settings;

  private ZeroDowntimeMigrate(Flyway flyway, ZdmSettings settings) {
    this.flyway = flyway;
    this.settings = settings;
  }

  /** With the {@code flyway.zdm.*} settings of this Flyway's configuration. */
  public static ZeroDowntimeMigrate of(Flyway flyway) {
    return new ZeroDowntimeMigrate(flyway, ZdmSettings.of(flyway.getConfiguration()));
  }

  /** With explicit settings (only the lock retry bounds are used here). */
  public static ZeroDowntimeMigrate of(Flyway flyway, ZdmSettings settings) {
    return new ZeroDowntimeMigrate(flyway, settings);
  }

  /**
   * The outcome of a migrate with retries.
   *
   * @param migrationsExecuted migrations applied over all attempts
   * @param retries how many times migrate was run again after a lock timeout
   * @param elapsed wall time of all attempts and backoffs
   * @param last Flyway's result of the successful attempt
   */
  public record Result(int migrationsExecuted, int retries, Duration elapsed, MigrateResult last) {}

  /**
   * Migrates, retrying lock timeouts of transactional migrations.
   *
   * @throws FlywayException the first failure that is not retryable, or the last lock timeout once
   *     the bounds are spent
   */
  public Result migrate() {
    long start = System.nanoTime();
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    LockBounds bounds = new LockBounds(settings.lockTimeout(), settings.statementTimeout(), settings.lockRetries(),
        settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff(), settings.lockRetryMaxTotal());
    RetryPolicy<MigrateResult> policy = LockRetry.<MigrateResult>boundedBy(bounds)
        .handleIf(ZeroDowntimeMigrate::retryable)
        .onFailedAttempt(event -> {
          applied.addAndGet(FlywayInternals.migrationsExecutedBefore(event.getLastException()));
          // Not "will be retried": this may be the last attempt; onRetry and onRetriesExceeded say which.
          LOG.warn("flyway-zdm: migrate attempt {} failed on lock_timeout {} ({}); the transactional migration rolled"
              + " back; {}", event.getAttemptCount(), DurationText.format(settings.lockTimeout()),
              firstLine(event.getLastException()), lockers(event.getLastException()));
        })
        .onRetry(event -> LOG.info("flyway-zdm: retrying migrate (attempt {} of at most {})",
            event.getAttemptCount() + 1, settings.lockRetries() + 1))
        .onRetriesExceeded(event -> LOG.error("flyway-zdm: gave up migrate after {} attempts in {} (flyway.zdm.lockRetries={},"
            + " flyway.zdm.lockRetryMaxTotal={}, lock_timeout {} each); the last failure follows. Run the same command again"
            + " once the blocking session is gone: nothing of the failed migration was kept.", event.getAttemptCount(),
            DurationText.format(Duration.ofMillis(Duration.ofNanos(System.nanoTime() - start).toMillis())),
            settings.lockRetries(), DurationText.format(settings.lockRetryMaxTotal()),
            DurationText.format(settings.lockTimeout())))
        .build();
    try {
      MigrateResult result = Failsafe.with(policy).get(() -> {
        attempts.incrementAndGet();
        // Also without the callback registered: the same command continues a failed flyway-zdm migration.
        ResumableFailures.forget(flyway.getConfiguration());
        return flyway.migrate();
      });
      applied.addAndGet(result.migrationsExecuted);
      return new Result(applied.get(), attempts.get() - 1, Duration.ofNanos(System.nanoTime() - start), result);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** A lock timeout in a migration that ran in a transaction, which therefore rolled back completely. */
  static boolean retryable(Throwable failure) {
    if (!FlywayInternals.failedInTransaction(failure)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LockWaitExhaustedException) {
        return false; // the callback's attempts already spent flyway.zdm.lockRetryMaxTotal on this statement
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Who held or awaited the locks of the statement that timed out, looked up on a connection of its own. */
  private String lockers(Throwable failure) {
    Optional<String> statement = FlywayInternals.failedStatement(failure);
    if (statement.isEmpty()) {
      return "the failed statement is unknown, so its lock holders cannot be named";
    }
    try {
      return StatementText.command(statement.get()) + " needed a lock " + StatementLockers.lookUp(flyway.getConfiguration(), statement.get(),
          Optional.empty()).describe();
    } catch (SQLException | RuntimeException e) {
      return "could not look up who holds the lock: " + e.getMessage();
    }
  }

  private static String firstLine(Throwable failure) {
    String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
    return message.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
  }
}
