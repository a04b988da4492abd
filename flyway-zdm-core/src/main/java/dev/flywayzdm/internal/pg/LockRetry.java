package dev.flywayzdm.internal.pg;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.flywayzdm.internal.settings.DurationText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Runs a unit of SQL work that takes a lock, retrying it when the lock is not granted in time
 * (55P03), on deadlock (40P01) and on serialization failure (40001), with exponential backoff and
 * jitter, bounded by {@link LockBounds#lockRetries()} and {@link LockBounds#lockRetryMaxTotal()}.
 *
 * <p>The work must leave the connection usable after a failure (see {@link ShortTransaction}).
 * Every retry logs the sessions that hold or await locks on the relation; giving up throws a
 * {@link LockNotAvailableException} that names them.
 */
public final class LockRetry {

  /** SQLSTATEs worth another attempt: the statement failed because of other sessions, not itself. */
  public static final Set<String> RETRYABLE_STATES = Set.of("55P03", "40P01", "40001");

  private static final ZdmLog LOG = ZdmLog.of(LockRetry.class);

  private final LockBounds settings;
  private final String retriesKey;

  public LockRetry(LockBounds settings) {
    this(settings, "flyway.zdm.lockRetries");
  }

  /** Retries bounded by {@code settings}, whose number of retries is the setting {@code retriesKey} (named on giving up). */
  public LockRetry(LockBounds settings, String retriesKey) {
    this.settings = settings;
    this.retriesKey = retriesKey;
  }

  /**
   * A retry policy bounded by the {@code flyway.zdm.lockRetry*} settings: at most
   * {@code lockRetries} retries within {@code lockRetryMaxTotal}, backoff doubling from
   * {@code lockRetryMinBackoff} to {@code lockRetryMaxBackoff} with 25% jitter. Used for one statement
   * here and for a whole {@code migrate()} by {@code ZeroDowntimeMigrate}; the caller says what to retry.
   */
  public static <T> RetryPolicyBuilder<T> boundedBy(LockBounds settings) {
    return RetryPolicy.<T>builder()
        .withMaxRetries(settings.lockRetries())
        .withMaxDuration(settings.lockRetryMaxTotal())
        .withBackoff(settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff())
        .withJitter(0.25);
  }

  /**
   * Runs {@code work} on {@code connection}, retrying as described above.
   *
   * @param what what the work does, for logs ({@code "V7__add_fk: adding constraint fk_orders_user"})
   * @param relation the quoted relation whose lock holders are reported on each retry
   */
  public <T> T run(Connection connection, String what, String relation, SqlWork<T> work) throws SQLException {
    AtomicReference<List<SessionInfo>> lastBlockers = new AtomicReference<>(List.of());
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    RetryPolicy<T> policy = LockRetry.<T>boundedBy(settings)
        .handleIf(LockRetry::retryable)
        .onFailedAttempt(event -> {
          List<SessionInfo> blockers = lockers(connection, relation);
          lastBlockers.set(blockers);
          attempts.set(event.getAttemptCount());
          LOG.warn("{}: attempt {} failed ({}); {}", what, event.getAttemptCount(),
              event.getLastException().getMessage().lines().findFirst().orElse(""), describe(relation, blockers));
        })
        .onRetry(event -> LOG.info("{}: retrying (attempt {} of at most {})", what,
            event.getAttemptCount() + 1, settings.lockRetries() + 1))
        .build();
    try {
      return Failsafe.with(policy).get(context -> work.run(connection));
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql && retryable(sql)) {
        throw new LockNotAvailableException(giveUpMessage(what, relation, sql, start, attempts.get(), lastBlockers.get()), sql);
      }
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    }
  }

  /**
   * Runs {@code work} in a {@link ShortTransaction} of its own (lock_timeout, and
   * {@code statementTimeout}, zero for none), retried as {@link #run} does: the one way a step
   * takes a lock.
   */
  public <T> T inShortTransaction(Connection connection, String what, String relation, Duration statementTimeout,
      SqlWork<T> work) throws SQLException {
    return run(connection, what, relation, c -> ShortTransaction.run(c, settings.lockTimeout(), statementTimeout, work));
  }

  private String giveUpMessage(String what, String relation, SQLException last, long startNanos, int attempts,
      List<SessionInfo> blockers) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    return what + ": gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + took.toMillis()
        + " ms (lock_timeout " + DurationText.format(settings.lockTimeout()) + " each, " + retriesKey + "="
        + settings.lockRetries() + ", flyway.zdm.lockRetryMaxTotal=" + DurationText.format(settings.lockRetryMaxTotal())
        + "); last error [" + last.getSQLState() + "] " + last.getMessage().lines().findFirst().orElse("")
        + "; " + describe(relation, blockers);
  }

  static boolean retryable(Throwable failure) {
    return failure instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE_STATES.contains(sql.getSQLState());
  }

  private static List<SessionInfo> lockers(Connection connection, String relation) {
    try {
      return SessionActivity.lockersOf(connection, relation);
    } catch (SQLException e) {
      LOG.debug("could not list lock holders of {}: {}", relation, e.getMessage());
      return List.of();
    }
  }

  private static String describe(String relation, List<SessionInfo> blockers) {
    if (blockers.isEmpty()) {
      return "no session holds a lock on " + relation + " any more";
    }
    StringBuilder text = new StringBuilder("sessions holding or awaiting locks on ").append(relation).append(": ");
    for (int i = 0; i < blockers.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(blockers.get(i).describe());
    }
    return text.toString();
  }
}
