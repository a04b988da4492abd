package dev.flywayzdm.internal.step;

import dev.flywayzdm.internal.pg.LockBounds;
import java.time.Duration;

/**
 * The settings values the engines read, immutable: the lock bounds, the backfill's batch size and
 * pause, and what throttles a backfill. Built from the public settings by the public layer, once per
 * migration.
 */
public record StepSettings(LockBounds locks, int backfillBatchSize, Duration backfillPause, ThrottleSettings throttle) {

  public StepSettings {
    if (locks == null || backfillPause == null || throttle == null) {
      throw new IllegalArgumentException("locks, backfillPause and throttle must be set");
    }
    if (backfillBatchSize < 1) {
      throw new IllegalArgumentException("backfillBatchSize must be at least 1, was " + backfillBatchSize);
    }
  }

  /** With the default throttles. */
  public StepSettings(LockBounds locks, int backfillBatchSize, Duration backfillPause) {
    this(locks, backfillBatchSize, backfillPause, ThrottleSettings.defaults());
  }

  /** The lock bounds of one backfill batch: retried at most {@link ThrottleSettings#lockRetriesPerBatch()} times. */
  public LockBounds backfillLocks() {
    return locks.withLockRetries(throttle.lockRetriesPerBatch());
  }
}
