package dev.flywayzdm.internal.step;

import dev.flywayzdm.internal.pg.LockBounds;
import dev.flywayzdm.internal.settings.SettingKey;
import java.time.Duration;

/**
 * The settings values the engines read, immutable: the lock bounds, the backfill's batch size and
 * pause, what throttles a backfill, and the lock_timeout of one attempt at a step's DDL. Built from the
 * public settings by the public layer, once per migration.
 *
 * @param lockAttemptTimeout lock_timeout of one try of a step's DDL ({@code flyway.zdm.lockAttemptTimeout});
 *     zero: each try waits the whole {@code lockTimeout}
 */
public record StepSettings(LockBounds locks, int backfillBatchSize, Duration backfillPause, ThrottleSettings throttle,
    Duration lockAttemptTimeout) {

  /** The default of {@code flyway.zdm.lockAttemptTimeout}. */
  public static final Duration DEFAULT_LOCK_ATTEMPT = (Duration) SettingKey.LOCK_ATTEMPT_TIMEOUT.defaultValue();

  public StepSettings {
    if (locks == null || backfillPause == null || throttle == null || lockAttemptTimeout == null) {
      throw new IllegalArgumentException("locks, backfillPause, throttle and lockAttemptTimeout must be set");
    }
    if (backfillBatchSize < 1) {
      throw new IllegalArgumentException("backfillBatchSize must be at least 1, was " + backfillBatchSize);
    }
  }

  /** With the default throttles and lock attempts. */
  public StepSettings(LockBounds locks, int backfillBatchSize, Duration backfillPause) {
    this(locks, backfillBatchSize, backfillPause, ThrottleSettings.defaults(), DEFAULT_LOCK_ATTEMPT);
  }

  /**
   * The lock bounds of a step's DDL: each try queues for its lock at most {@link #lockAttemptTimeout()}
   * (the longest the application then waits behind it), retried with backoff as the lock bounds say,
   * instead of queueing the application for a whole lock_timeout per try.
   */
  public LockBounds ddlLocks() {
    if (lockAttemptTimeout.isZero() || lockAttemptTimeout.compareTo(locks.lockTimeout()) >= 0) {
      return locks;
    }
    return locks.withLockTimeout(lockAttemptTimeout);
  }

  /** The lock bounds of one backfill batch: retried at most {@link ThrottleSettings#lockRetriesPerBatch()} times. */
  public LockBounds backfillLocks() {
    return locks.withLockRetries(throttle.lockRetriesPerBatch());
  }
}
