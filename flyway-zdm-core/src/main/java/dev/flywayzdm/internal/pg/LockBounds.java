package dev.flywayzdm.internal.pg;

import java.time.Duration;

/**
 * How long a step may wait for locks and how often it retries: the {@code flyway.zdm.lock*} and
 * {@code statementTimeout} settings as the engines read them. The public settings are converted
 * into this once per step, so nothing internal depends on the public configuration types.
 *
 * @param statementTimeout zero for none
 */
public record LockBounds(Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration lockRetryMinBackoff,
    Duration lockRetryMaxBackoff, Duration lockRetryMaxTotal) {

  /** The same bounds with another total wait (e.g. a brief cleanup after a wait was given up). */
  public LockBounds withLockRetryMaxTotal(Duration maxTotal) {
    return new LockBounds(lockTimeout, statementTimeout, lockRetries, lockRetryMinBackoff, lockRetryMaxBackoff, maxTotal);
  }

  /** The same bounds with another lock_timeout per try (e.g. the short attempts of a step's DDL). */
  public LockBounds withLockTimeout(Duration timeout) {
    return new LockBounds(timeout, statementTimeout, lockRetries, lockRetryMinBackoff, lockRetryMaxBackoff, lockRetryMaxTotal);
  }

  /** The same bounds with another number of retries (e.g. the tighter bound of one backfill batch). */
  public LockBounds withLockRetries(int retries) {
    return new LockBounds(lockTimeout, statementTimeout, retries, lockRetryMinBackoff, lockRetryMaxBackoff, lockRetryMaxTotal);
  }
}
