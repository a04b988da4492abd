package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;

/**
 * How a statement's lock is taken in attempts: the {@code flyway.zdm.lock*} settings as this
 * package reads them (it does not import the public configuration types). The attempts are bounded
 * by time only: {@code flyway.zdm.lockRetries} counts whole tries of a statement, each up to a full
 * lock_timeout, and would cut many short attempts off long before {@code lockRetryMaxTotal}.
 *
 * @param firstAttempt lock_timeout of the first attempt ({@code flyway.zdm.lockAttemptTimeout}, at
 *     most {@code lockTimeout})
 * @param longestAttempt the cap an attempt's lock_timeout grows to ({@code flyway.zdm.lockTimeout})
 * @param minBackoff the first pause between attempts ({@code flyway.zdm.lockRetryMinBackoff})
 * @param maxBackoff the cap on one pause ({@code flyway.zdm.lockRetryMaxBackoff})
 * @param total all attempts and pauses of one statement ({@code flyway.zdm.lockRetryMaxTotal})
 */
public record AttemptBounds(Duration firstAttempt, Duration longestAttempt, Duration minBackoff,
    Duration maxBackoff, Duration total) {

  public AttemptBounds {
    if (firstAttempt.compareTo(longestAttempt) > 0) {
      firstAttempt = longestAttempt;
    }
  }

  /** The settings' names and values, for an error that says which one to change. */
  String describe() {
    return "flyway.zdm.lockAttemptTimeout=" + DurationText.format(firstAttempt) + " growing up to flyway.zdm.lockTimeout="
        + DurationText.format(longestAttempt) + ", flyway.zdm.lockRetryMinBackoff="
        + DurationText.format(minBackoff) + ", flyway.zdm.lockRetryMaxBackoff=" + DurationText.format(maxBackoff)
        + ", flyway.zdm.lockRetryMaxTotal=" + DurationText.format(total);
  }
}
