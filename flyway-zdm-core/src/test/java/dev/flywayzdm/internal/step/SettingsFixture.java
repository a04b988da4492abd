package dev.flywayzdm.internal.step;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.LockBounds;

/** Tests state their settings as users do (ZdmSettings) and hand the engines what they read. */
public final class SettingsFixture {

  private SettingsFixture() {}

  public static StepSettings step(ZdmSettings settings) {
    return new StepSettings(locks(settings), settings.backfillBatchSize(), settings.backfillPause(), throttle(settings),
        settings.lockAttemptTimeout());
  }

  public static ThrottleSettings throttle(ZdmSettings settings) {
    return new ThrottleSettings(settings.backfillLockRetries(), settings.maxReplicaLag(), settings.maxReplicaLagBytes(),
        settings.backfillThrottleQuery(), settings.backfillMaxWait());
  }

  public static LockBounds locks(ZdmSettings settings) {
    return new LockBounds(settings.lockTimeout(), settings.statementTimeout(), settings.lockRetries(),
        settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff(), settings.lockRetryMaxTotal());
  }
}
