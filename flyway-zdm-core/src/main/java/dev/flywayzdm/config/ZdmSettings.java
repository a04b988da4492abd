package dev.flywayzdm.config;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.lint.LintOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The project-wide {@code flyway.zdm.*} settings, immutable and validated once.
 *
 * <p>Every flyway-zdm migration and the callback take their defaults from here; a migration may
 * override them for itself. Build with {@link #builder()}:
 *
 * <pre>{@code
 * ZdmSettings settings = ZdmSettings.builder()
 *     .lockTimeout(Duration.ofMillis(500))
 *     .soak(Duration.ofHours(2))
 *     .build();
 * }</pre>
 *
 * @param lockTimeout how long one DDL statement may wait for its lock before it gives up and is
 *     retried ({@code flyway.zdm.lockTimeout}, default 2s)
 * @param statementTimeout bound on transactional statements; zero means none. Never applied to
 *     concurrent index builds and constraint validations, which may legitimately run for hours
 *     ({@code flyway.zdm.statementTimeout}, default 0)
 * @param lockRetries how many times a statement that hit lock_timeout, a deadlock or a
 *     serialization failure is retried ({@code flyway.zdm.lockRetries}, default 10)
 * @param lockRetryMinBackoff first backoff between retries, doubled each time with jitter
 *     ({@code flyway.zdm.lockRetryMinBackoff}, default 500ms)
 * @param lockRetryMaxBackoff cap on one backoff ({@code flyway.zdm.lockRetryMaxBackoff}, default 30s)
 * @param lockRetryMaxTotal cap on all waiting and retrying of one statement
 *     ({@code flyway.zdm.lockRetryMaxTotal}, default 5m)
 * @param soak how long an expand migration must have been live before its contract step may run
 *     ({@code flyway.zdm.soak}, default 24h)
 * @param lint what the callback does with linter findings ({@code flyway.zdm.lint}, default warn)
 * @param lintOptions which lint rules the callback runs and with which severity
 *     ({@code flyway.zdm.lintDisabledRules}, {@code flyway.zdm.lintSeverity}; default every rule at its
 *     own severity). The callback fills in the connected server's major version and that it is active
 * @param maxBlockerAge transactions older than this are reported by the pre-flight check before a
 *     migration runs ({@code flyway.zdm.maxBlockerAge}, default 1m)
 * @param backfillBatchSize rows per batch of a batched backfill ({@code flyway.zdm.backfillBatchSize},
 *     default 1000)
 * @param backfillPause pause between backfill batches ({@code flyway.zdm.backfillPause}, default 0)
 * @param startAfter the last migration version from before flyway-zdm was adopted
 *     ({@code flyway.zdm.startAfter}, e.g. {@code 41}): migrations up to and including it run as plain
 *     Flyway runs them, without the destructive-statement gate and without lint findings. Empty by
 *     default: the callback then uses the adoption point it recorded in the database
 */
public record ZdmSettings(
    Duration lockTimeout,
    Duration statementTimeout,
    int lockRetries,
    Duration lockRetryMinBackoff,
    Duration lockRetryMaxBackoff,
    Duration lockRetryMaxTotal,
    Duration soak,
    LintMode lint,
    LintOptions lintOptions,
    Duration maxBlockerAge,
    int backfillBatchSize,
    Duration backfillPause,
    Optional<String> startAfter) {

  /**
   * The longest duration PostgreSQL can hold in {@code lock_timeout} or {@code statement_timeout}
   * (a 32-bit number of milliseconds, about 24.8 days). Every duration handed to PostgreSQL or to
   * failsafe's retry policy is held to it, so an overflow is refused at start instead of wrapping.
   */
  public static final Duration MAX_SERVER_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

  /** The longest soak accepted: ten years is far past any rollout, and keeps date arithmetic exact. */
  public static final Duration MAX_SOAK = Duration.ofDays(3650);

  private static final String SERVER_RANGE = "1ms to " + DurationText.format(MAX_SERVER_DURATION)
      + " (24d 20h 31m 23.647s, the largest timeout PostgreSQL holds: a 32-bit number of milliseconds)";

  // After the limits it is checked against: static fields initialise in order.
  private static final ZdmSettings DEFAULTS = new Builder().build();

  /** Validates every value; the message names the {@code flyway.zdm.*} key and what is accepted. */
  public ZdmSettings {
    serverPositive("flyway.zdm.lockTimeout", lockTimeout);
    serverNonNegative("flyway.zdm.statementTimeout", statementTimeout);
    if (lockRetries < 0) {
      throw new IllegalArgumentException("flyway.zdm.lockRetries = " + lockRetries + " is negative: expected 0 or more");
    }
    serverPositive("flyway.zdm.lockRetryMinBackoff", lockRetryMinBackoff);
    serverPositive("flyway.zdm.lockRetryMaxBackoff", lockRetryMaxBackoff);
    if (lockRetryMaxBackoff.compareTo(lockRetryMinBackoff) < 0) {
      throw new IllegalArgumentException("flyway.zdm.lockRetryMaxBackoff = " + DurationText.format(lockRetryMaxBackoff)
          + " is below flyway.zdm.lockRetryMinBackoff = " + DurationText.format(lockRetryMinBackoff));
    }
    serverPositive("flyway.zdm.lockRetryMaxTotal", lockRetryMaxTotal);
    nonNegative("flyway.zdm.soak", soak);
    atMost("flyway.zdm.soak", soak, MAX_SOAK, "0 to " + DurationText.format(MAX_SOAK));
    Objects.requireNonNull(lint, "flyway.zdm.lint");
    Objects.requireNonNull(lintOptions, "flyway.zdm.lintDisabledRules / flyway.zdm.lintSeverity");
    serverPositive("flyway.zdm.maxBlockerAge", maxBlockerAge);
    if (backfillBatchSize < 1) {
      throw new IllegalArgumentException("flyway.zdm.backfillBatchSize = " + backfillBatchSize + " must be at least 1");
    }
    serverNonNegative("flyway.zdm.backfillPause", backfillPause);
    Objects.requireNonNull(startAfter, "flyway.zdm.startAfter");
    startAfter.ifPresent(version -> {
      if (!version.matches("[0-9]+(\\.[0-9]+)*")) {
        throw new IllegalArgumentException("flyway.zdm.startAfter = '" + version + "' is not a Flyway version: expected"
            + " the version of the last migration applied before flyway-zdm, such as 41 or 1.2 (1_2 is read as 1.2)");
      }
    });
  }

  /** The defaults listed on each component. */
  public static ZdmSettings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** At least 1ms (0 would switch the PostgreSQL timeout off) and at most {@link #MAX_SERVER_DURATION}. */
  private static void serverPositive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " must be greater than 0");
    }
    if (value.toNanos() < 1_000_000) {
      throw new IllegalArgumentException(key + " = " + value + " is below 1ms, which PostgreSQL reads as 0 (no"
          + " timeout): accepted " + SERVER_RANGE);
    }
    atMost(key, value, MAX_SERVER_DURATION, SERVER_RANGE);
  }

  private static void serverNonNegative(String key, Duration value) {
    nonNegative(key, value);
    atMost(key, value, MAX_SERVER_DURATION, "0 to " + SERVER_RANGE.substring("1ms to ".length()));
  }

  private static void atMost(String key, Duration value, Duration max, String range) {
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " is too long: accepted " + range);
    }
  }

  private static void nonNegative(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative()) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " is negative: expected 0 or more");
    }
  }

  /** Builds {@link ZdmSettings}; {@link #build()} validates. */
  public static final class Builder {
    private Duration lockTimeout = Duration.ofSeconds(2);
    private Duration statementTimeout = Duration.ZERO;
    private int lockRetries = 10;
    private Duration lockRetryMinBackoff = Duration.ofMillis(500);
    private Duration lockRetryMaxBackoff = Duration.ofSeconds(30);
    private Duration lockRetryMaxTotal = Duration.ofMinutes(5);
    private Duration soak = Duration.ofHours(24);
    private LintMode lint = LintMode.WARN;
    private LintOptions lintOptions = LintOptions.defaults();
    private Duration maxBlockerAge = Duration.ofMinutes(1);
    private int backfillBatchSize = 1000;
    private Duration backfillPause = Duration.ZERO;
    private Optional<String> startAfter = Optional.empty();

    private Builder() {}

    private Builder(ZdmSettings s) {
      lockTimeout = s.lockTimeout;
      statementTimeout = s.statementTimeout;
      lockRetries = s.lockRetries;
      lockRetryMinBackoff = s.lockRetryMinBackoff;
      lockRetryMaxBackoff = s.lockRetryMaxBackoff;
      lockRetryMaxTotal = s.lockRetryMaxTotal;
      soak = s.soak;
      lint = s.lint;
      lintOptions = s.lintOptions;
      maxBlockerAge = s.maxBlockerAge;
      backfillBatchSize = s.backfillBatchSize;
      backfillPause = s.backfillPause;
      startAfter = s.startAfter;
    }

    /** {@code flyway.zdm.lockTimeout}: see {@link ZdmSettings#lockTimeout()}. */
    public Builder lockTimeout(Duration value) {
      lockTimeout = value;
      return this;
    }

    /** {@code flyway.zdm.statementTimeout}; zero means none. */
    public Builder statementTimeout(Duration value) {
      statementTimeout = value;
      return this;
    }

    /** {@code flyway.zdm.lockRetries}: retries after lock_timeout, deadlock or serialization failure. */
    public Builder lockRetries(int value) {
      lockRetries = value;
      return this;
    }

    /** {@code flyway.zdm.lockRetryMinBackoff}: the first backoff. */
    public Builder lockRetryMinBackoff(Duration value) {
      lockRetryMinBackoff = value;
      return this;
    }

    /** {@code flyway.zdm.lockRetryMaxBackoff}: the cap on one backoff. */
    public Builder lockRetryMaxBackoff(Duration value) {
      lockRetryMaxBackoff = value;
      return this;
    }

    /** {@code flyway.zdm.lockRetryMaxTotal}: the cap on all retrying of one statement. */
    public Builder lockRetryMaxTotal(Duration value) {
      lockRetryMaxTotal = value;
      return this;
    }

    /** {@code flyway.zdm.soak}: how long an expand must have been live before its contract runs. */
    public Builder soak(Duration value) {
      soak = value;
      return this;
    }

    /** {@code flyway.zdm.lint}: what the callback does with findings. */
    public Builder lint(LintMode value) {
      lint = value;
      return this;
    }

    /** {@code flyway.zdm.lintDisabledRules} and {@code lintSeverity}, as parsed options. */
    public Builder lintOptions(LintOptions value) {
      lintOptions = value;
      return this;
    }

    /** {@code flyway.zdm.maxBlockerAge}: older transactions are reported before the run. */
    public Builder maxBlockerAge(Duration value) {
      maxBlockerAge = value;
      return this;
    }

    /** {@code flyway.zdm.backfillBatchSize}: rows per backfill batch. */
    public Builder backfillBatchSize(int value) {
      backfillBatchSize = value;
      return this;
    }

    /** {@code flyway.zdm.backfillPause}: pause between backfill batches. */
    public Builder backfillPause(Duration value) {
      backfillPause = value;
      return this;
    }

    /**
     * {@code flyway.zdm.startAfter}: migrations up to and including this version predate flyway-zdm and
     * run as plain Flyway runs them; null or blank clears it. {@code 1_2} is read as {@code 1.2}.
     */
    public Builder startAfter(String version) {
      startAfter = version == null || version.isBlank()
          ? Optional.empty() : Optional.of(version.trim().replace('_', '.'));
      return this;
    }

    /** The settings; throws {@link IllegalArgumentException} naming the first invalid key. */
    public ZdmSettings build() {
      return new ZdmSettings(lockTimeout, statementTimeout, lockRetries, lockRetryMinBackoff,
          lockRetryMaxBackoff, lockRetryMaxTotal, soak, lint, lintOptions, maxBlockerAge, backfillBatchSize, backfillPause,
          startAfter);
    }
  }
}
