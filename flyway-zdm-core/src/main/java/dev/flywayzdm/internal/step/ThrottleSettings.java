package dev.flywayzdm.internal.step;

import dev.flywayzdm.internal.settings.SettingKey;
import java.time.Duration;
import java.util.Optional;

/**
 * What holds a backfill between its batches, as the engines read it: the replica lag it waits out,
 * the user's throttle query, the longest it waits before one batch, and how often one batch may hit
 * lock_timeout before the backfill gives up.
 *
 * @param maxReplicaLag zero: replay_lag is not checked
 * @param maxReplicaLagBytes zero: the WAL still to replay is not checked
 */
public record ThrottleSettings(int lockRetriesPerBatch, Duration maxReplicaLag, long maxReplicaLagBytes,
    Optional<String> throttleQuery, Duration maxWait) {

  private static final ThrottleSettings DEFAULTS = new ThrottleSettings(
      (Integer) SettingKey.BACKFILL_LOCK_RETRIES.defaultValue(), (Duration) SettingKey.MAX_REPLICA_LAG.defaultValue(),
      (Long) SettingKey.MAX_REPLICA_LAG_BYTES.defaultValue(), Optional.empty(),
      (Duration) SettingKey.BACKFILL_MAX_WAIT.defaultValue());

  public ThrottleSettings {
    if (maxReplicaLag == null || throttleQuery == null || maxWait == null) {
      throw new IllegalArgumentException("maxReplicaLag, throttleQuery and maxWait must be set");
    }
    if (lockRetriesPerBatch < 0 || maxReplicaLagBytes < 0 || maxReplicaLag.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("negative throttle setting: " + lockRetriesPerBatch + ", " + maxReplicaLag
          + ", " + maxReplicaLagBytes + ", " + maxWait);
    }
  }

  /** The defaults of the settings table. */
  public static ThrottleSettings defaults() {
    return DEFAULTS;
  }

  /** Whether standbys are asked for their lag at all. */
  public boolean checksReplicaLag() {
    return !maxReplicaLag.isZero() || maxReplicaLagBytes > 0;
  }
}
