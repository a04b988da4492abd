package dev.flywayzdm.callback;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.config.ProjectSettings;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.LockRetry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code flyway.migrate()} and, when a transactional migration failed on lock_timeout (55P03),
 * runs it again with exponential backoff and jitter: such a migration rolled back cleanly, so the
 * retry starts it afresh. Bounds come from {@code flyway.zdm.lockRetries},
 * {@code lockRetryMinBackoff}, {@code lockRetryMaxBackoff} and {@code lockRetryMaxTotal}. Any other
 * failure, and a lock timeout in a migration without a transaction, is rethrown at once.
 *
 * <pre>{@code
 * ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
 * // Spring Boot: @Bean FlywayMigrationStrategy strategy() { return flyway -> ZeroDowntimeMigrate.of(flyway).migrate(); }
 * }</pre>
 */
public final class ZeroDowntimeMigrate {

  private static final Logger LOG = LoggerFactory.getLogger(ZeroDowntimeMigrate.class);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Flyway flyway;
  private final ZdmSettings settings;

  private ZeroDowntimeMigrate(Flyway flyway, ZdmSettings settings) {
    this.flyway = flyway;
    this.settings = settings;
  }

  /** With the {@code flyway.zdm.*} settings of this Flyway's configuration. */
  public static ZeroDowntimeMigrate of(Flyway flyway) {
    return new ZeroDowntimeMigrate(flyway, ProjectSettings.of(flyway.getConfiguration()));
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
    RetryPolicy<MigrateResult> policy = LockRetry.<MigrateResult>boundedBy(settings)
        .handleIf(ZeroDowntimeMigrate::retryable)
        .onFailedAttempt(event -> {
          if (event.getLastException() instanceof FlywayMigrateException failed && failed.getErrorResult() != null) {
            applied.addAndGet(failed.getErrorResult().migrationsExecuted);
          }
          LOG.warn("flyway-zdm: migrate attempt {} failed on lock_timeout {} ({}); a transactional migration rolled back"
              + " and will be retried", event.getAttemptCount(), DurationText.format(settings.lockTimeout()),
              firstLine(event.getLastException()));
        })
        .onRetry(event -> LOG.info("flyway-zdm: retrying migrate (attempt {} of at most {})",
            event.getAttemptCount() + 1, settings.lockRetries() + 1))
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
    if (!(failure instanceof FlywayMigrateException migrate) || !migrate.isExecutableInTransaction()) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Throwable failure) {
    String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
    return message.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
  }
}
