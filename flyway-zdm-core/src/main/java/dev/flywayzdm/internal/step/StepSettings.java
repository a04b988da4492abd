package dev.flywayzdm.internal.step;

import dev.flywayzdm.internal.pg.LockBounds;
import java.time.Duration;

/**
 * The settings values the engines read, immutable: the lock bounds and the backfill's batch size
 * and pause. Built from the public settings by the public layer, once per migration.
 */
public record StepSettings(LockBounds locks, int backfillBatchSize, Duration backfillPause) {

  public StepSettings {
    if (locks == null || backfillPause == null) {
      throw new IllegalArgumentException("locks and backfillPause must be set");
    }
    if (backfillBatchSize < 1) {
      throw new IllegalArgumentException("backfillBatchSize must be at least 1, was " + backfillBatchSize);
    }
  }
}
