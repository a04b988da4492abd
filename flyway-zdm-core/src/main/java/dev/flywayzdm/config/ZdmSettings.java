package dev.flywayzdm.config;

import dev.flywayzdm.internal.pg.UserSql;
import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.settings.SettingKey;
import dev.flywayzdm.internal.settings.SettingType;
import dev.flywayzdm.internal.settings.VersionText;
import dev.flywayzdm.lint.LintOptions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The project-wide {@code flyway.zdm.*} settings, immutable and validated as they are set.
 *
 * <p>Every flyway-zdm migration and the callback take their defaults from here; a migration may
 * override them for itself. Build with {@link #builder()}; each setter refuses an impossible value at
 * once, naming the {@code flyway.zdm.*} key and what is accepted:
 *
 * <pre>{@code
 * ZdmSettings settings = ZdmSettings.builder()
 *     .lockTimeout(Duration.ofMillis(500))
 *     .soak(Duration.ofHours(2))
 *     .build();
 * }</pre>
 *
 * The keys, their defaults and what each does are listed in the README's settings table.
 */
public final class ZdmSettings {

  /**
   * The longest duration PostgreSQL can hold in {@code lock_timeout} or {@code statement_timeout}
   * (a 32-bit number of milliseconds, about 24.8 days). Every duration handed to PostgreSQL or to
   * failsafe's retry policy is held to it, so an overflow is refused at start instead of wrapping.
   */
  public static final Duration MAX_SERVER_DURATION = SettingType.MAX_SERVER_DURATION;

  /** The longest soak accepted: ten years is far past any rollout, and keeps date arithmetic exact. */
  public static final Duration MAX_SOAK = SettingType.MAX_SOAK;

  private static final ZdmSettings DEFAULTS = new Builder().build();

  /** The values of the typed keys (durations and counts), by key. */
  private final Map<SettingKey, Object> values;
  private final LintMode lint;
  private final LintOptions lintOptions;
  private final Optional<String> startAfter;

  private ZdmSettings(Builder builder) {
    values = new EnumMap<>(builder.values);
    lint = builder.lint;
    lintOptions = builder.lintOptions;
    startAfter = builder.startAfter;
  }

  /** The defaults of the README's settings table. */
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

  /**
   * The settings configured for this Flyway run, parsed once per configuration, or the defaults when the
   * flyway-zdm extension is not among Flyway's plugins (e.g. the jar is not beside flyway-core).
   *
   * @throws IllegalArgumentException naming the first key with a bad value
   */
  public static ZdmSettings of(Configuration configuration) {
    if (configuration == null || configuration.getPluginRegister() == null) {
      return defaults();
    }
    ZdmConfigurationExtension extension =
        configuration.getPluginRegister().getPlugin(ZdmConfigurationExtension.class);
    return extension == null ? defaults() : extension.toSettings();
  }

  /** How long one DDL statement may wait for its lock before it gives up and is retried. */
  public Duration lockTimeout() {
    return (Duration) values.get(SettingKey.LOCK_TIMEOUT);
  }

  /**
   * The lock_timeout of one attempt to take a SQL migration statement's table lock before the statement
   * runs: the longest the application's queries queue behind that attempt. Zero: no attempts, the
   * statement waits for its lock itself, for up to {@link #lockTimeout()}.
   */
  public Duration lockAttemptTimeout() {
    return (Duration) values.get(SettingKey.LOCK_ATTEMPT_TIMEOUT);
  }

  /**
   * Bound on transactional statements; zero means none. Never applied to concurrent index builds and
   * constraint validations, which may legitimately run for hours.
   */
  public Duration statementTimeout() {
    return (Duration) values.get(SettingKey.STATEMENT_TIMEOUT);
  }

  /** How many times a statement that hit lock_timeout, a deadlock or a serialization failure is retried. */
  public int lockRetries() {
    return (Integer) values.get(SettingKey.LOCK_RETRIES);
  }

  /** First backoff between retries, doubled each time with jitter. */
  public Duration lockRetryMinBackoff() {
    return (Duration) values.get(SettingKey.LOCK_RETRY_MIN_BACKOFF);
  }

  /** Cap on one backoff. */
  public Duration lockRetryMaxBackoff() {
    return (Duration) values.get(SettingKey.LOCK_RETRY_MAX_BACKOFF);
  }

  /** Cap on all waiting and retrying of one statement. */
  public Duration lockRetryMaxTotal() {
    return (Duration) values.get(SettingKey.LOCK_RETRY_MAX_TOTAL);
  }

  /** How long an expand migration must have been live before its contract step may run. */
  public Duration soak() {
    return (Duration) values.get(SettingKey.SOAK);
  }

  /** What the callback does with linter findings. */
  public LintMode lint() {
    return lint;
  }

  /**
   * Which lint rules the callback runs and with which severity ({@code lintDisabledRules},
   * {@code lintSeverity}). The callback fills in the connected server's major version and that it is active.
   */
  public LintOptions lintOptions() {
    return lintOptions;
  }

  /** Transactions older than this are reported by the pre-flight check before a migration runs. */
  public Duration maxBlockerAge() {
    return (Duration) values.get(SettingKey.MAX_BLOCKER_AGE);
  }

  /** Rows per batch of a batched backfill. */
  public int backfillBatchSize() {
    return (Integer) values.get(SettingKey.BACKFILL_BATCH_SIZE);
  }

  /** Pause between backfill batches. */
  public Duration backfillPause() {
    return (Duration) values.get(SettingKey.BACKFILL_PAUSE);
  }

  /** How often one backfill batch is retried after lock_timeout before the backfill gives up (resumable). */
  public int backfillLockRetries() {
    return (Integer) values.get(SettingKey.BACKFILL_LOCK_RETRIES);
  }

  /** A backfill waits while a streaming standby's replay_lag is above this; zero: not checked. */
  public Duration maxReplicaLag() {
    return (Duration) values.get(SettingKey.MAX_REPLICA_LAG);
  }

  /** A backfill waits while a standby has more bytes of WAL than this still to replay; zero: not checked. */
  public long maxReplicaLagBytes() {
    return (Long) values.get(SettingKey.MAX_REPLICA_LAG_BYTES);
  }

  /** A query returning one boolean: a backfill waits while it returns true. */
  public Optional<String> backfillThrottleQuery() {
    return Optional.ofNullable((String) values.get(SettingKey.BACKFILL_THROTTLE_QUERY));
  }

  /** The longest a backfill waits before one batch (replica lag, throttle query, an operator's pause). */
  public Duration backfillMaxWait() {
    return (Duration) values.get(SettingKey.BACKFILL_MAX_WAIT);
  }

  /**
   * The last migration version from before flyway-zdm was adopted (e.g. {@code 41}): migrations up to
   * and including it run as plain Flyway runs them, without the destructive-statement gate and without
   * lint findings. Empty by default: the callback then uses the adoption point it recorded in the database.
   */
  public Optional<String> startAfter() {
    return startAfter;
  }

  /** The value of {@code key} as users write it ({@code 2s}, {@code warn}); empty text when unset. */
  String text(SettingKey key) {
    return switch (key) {
      case LINT -> lint.name().toLowerCase(Locale.ROOT);
      case LINT_DISABLED_RULES -> lintOptions.disabledRulesText();
      case LINT_SEVERITY -> lintOptions.severitiesText();
      case START_AFTER -> startAfter.orElse("");
      case BACKFILL_THROTTLE_QUERY -> backfillThrottleQuery().orElse("");
      default -> key.type().format(values.get(key));
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZdmSettings that && values.equals(that.values) && lint == that.lint
        && lintOptions.equals(that.lintOptions) && startAfter.equals(that.startAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, lint, lintOptions, startAfter);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ZdmSettings[");
    for (SettingKey key : SettingKey.values()) {
      text.append(key == SettingKey.values()[0] ? "" : ", ").append(key.key()).append('=').append(text(key));
    }
    return text.append(']').toString();
  }

  /** Builds {@link ZdmSettings}; every setter validates its value at once, {@link #build()} how they combine. */
  public static final class Builder {
    private final Map<SettingKey, Object> values = new EnumMap<>(SettingKey.class);
    private LintMode lint = LintMode.WARN;
    private LintOptions lintOptions = LintOptions.defaults();
    private Optional<String> startAfter = Optional.empty();

    private Builder() {
      for (SettingKey key : SettingKey.values()) {
        Object value = key.defaultValue();
        if (value != null) {
          values.put(key, value);
        }
      }
    }

    private Builder(ZdmSettings settings) {
      values.putAll(settings.values);
      lint = settings.lint;
      lintOptions = settings.lintOptions;
      startAfter = settings.startAfter;
    }

    private Builder put(SettingKey key, Object value) {
      values.put(key, key.check(value));
      return this;
    }

    /** {@code flyway.zdm.lockTimeout}: see {@link ZdmSettings#lockTimeout()}. */
    public Builder lockTimeout(Duration value) {
      return put(SettingKey.LOCK_TIMEOUT, value);
    }

    /** {@code flyway.zdm.lockAttemptTimeout}: see {@link ZdmSettings#lockAttemptTimeout()}; zero turns attempts off. */
    public Builder lockAttemptTimeout(Duration value) {
      return put(SettingKey.LOCK_ATTEMPT_TIMEOUT, value);
    }

    /** {@code flyway.zdm.statementTimeout}; zero means none. */
    public Builder statementTimeout(Duration value) {
      return put(SettingKey.STATEMENT_TIMEOUT, value);
    }

    /** {@code flyway.zdm.lockRetries}: retries after lock_timeout, deadlock or serialization failure. */
    public Builder lockRetries(int value) {
      return put(SettingKey.LOCK_RETRIES, value);
    }

    /** {@code flyway.zdm.lockRetryMinBackoff}: the first backoff. */
    public Builder lockRetryMinBackoff(Duration value) {
      return put(SettingKey.LOCK_RETRY_MIN_BACKOFF, value);
    }

    /** {@code flyway.zdm.lockRetryMaxBackoff}: the cap on one backoff. */
    public Builder lockRetryMaxBackoff(Duration value) {
      return put(SettingKey.LOCK_RETRY_MAX_BACKOFF, value);
    }

    /** {@code flyway.zdm.lockRetryMaxTotal}: the cap on all retrying of one statement. */
    public Builder lockRetryMaxTotal(Duration value) {
      return put(SettingKey.LOCK_RETRY_MAX_TOTAL, value);
    }

    /** {@code flyway.zdm.soak}: how long an expand must have been live before its contract runs. */
    public Builder soak(Duration value) {
      return put(SettingKey.SOAK, value);
    }

    /** {@code flyway.zdm.lint}: what the callback does with findings. */
    public Builder lint(LintMode value) {
      lint = Objects.requireNonNull(value, SettingKey.LINT.qualified());
      return this;
    }

    /** {@code flyway.zdm.lintDisabledRules} and {@code lintSeverity}, as parsed options. */
    public Builder lintOptions(LintOptions value) {
      lintOptions = Objects.requireNonNull(value, "flyway.zdm.lintDisabledRules / flyway.zdm.lintSeverity");
      return this;
    }

    /** {@code flyway.zdm.maxBlockerAge}: older transactions are reported before the run. */
    public Builder maxBlockerAge(Duration value) {
      return put(SettingKey.MAX_BLOCKER_AGE, value);
    }

    /** {@code flyway.zdm.backfillBatchSize}: rows per backfill batch. */
    public Builder backfillBatchSize(int value) {
      return put(SettingKey.BACKFILL_BATCH_SIZE, value);
    }

    /** {@code flyway.zdm.backfillPause}: pause between backfill batches. */
    public Builder backfillPause(Duration value) {
      return put(SettingKey.BACKFILL_PAUSE, value);
    }

    /** {@code flyway.zdm.backfillLockRetries}: lock_timeout retries of one backfill batch. */
    public Builder backfillLockRetries(int value) {
      return put(SettingKey.BACKFILL_LOCK_RETRIES, value);
    }

    /** {@code flyway.zdm.maxReplicaLag}: the replay_lag a backfill waits out; zero switches the check off. */
    public Builder maxReplicaLag(Duration value) {
      return put(SettingKey.MAX_REPLICA_LAG, value);
    }

    /** {@code flyway.zdm.maxReplicaLagBytes}: the WAL still to replay a backfill waits out; zero switches it off. */
    public Builder maxReplicaLagBytes(long value) {
      return put(SettingKey.MAX_REPLICA_LAG_BYTES, value);
    }

    /**
     * {@code flyway.zdm.backfillThrottleQuery}: one query returning a boolean, true while backfills must
     * wait; run as given, so it must be a single statement. Null or blank clears it.
     */
    public Builder backfillThrottleQuery(String sql) {
      if (sql == null || sql.isBlank()) {
        values.remove(SettingKey.BACKFILL_THROTTLE_QUERY);
        return this;
      }
      values.put(SettingKey.BACKFILL_THROTTLE_QUERY, UserSql.fragment(SettingKey.BACKFILL_THROTTLE_QUERY.qualified(), sql));
      return this;
    }

    /** {@code flyway.zdm.backfillMaxWait}: the longest wait before one backfill batch. */
    public Builder backfillMaxWait(Duration value) {
      return put(SettingKey.BACKFILL_MAX_WAIT, value);
    }

    /**
     * {@code flyway.zdm.startAfter}: migrations up to and including this version predate flyway-zdm and
     * run as plain Flyway runs them; null or blank clears it. {@code 1_2} is read as {@code 1.2}.
     */
    public Builder startAfter(String version) {
      startAfter = VersionText.parse(SettingKey.START_AFTER.qualified(), version);
      return this;
    }

    /**
     * Sets {@code key} from text as users write it in flyway.conf ({@code 2s}, {@code fail}).
     *
     * @throws IllegalArgumentException naming the key, the value and what is accepted
     */
    Builder text(SettingKey key, String text) {
      switch (key) {
        case LINT -> lint(LintMode.parse(key.qualified(), text));
        case LINT_DISABLED_RULES -> lintOptions(key.parsedBy(text, () -> lintOptions.toBuilder().disable(text).build()));
        case LINT_SEVERITY -> lintOptions(key.parsedBy(text, () -> lintOptions.toBuilder().severities(text).build()));
        case START_AFTER -> startAfter(text);
        case BACKFILL_THROTTLE_QUERY -> backfillThrottleQuery(text);
        default -> values.put(key, key.parse(text));
      }
      return this;
    }

    /** The settings; throws {@link IllegalArgumentException} when two values contradict each other. */
    public ZdmSettings build() {
      Duration min = (Duration) values.get(SettingKey.LOCK_RETRY_MIN_BACKOFF);
      Duration max = (Duration) values.get(SettingKey.LOCK_RETRY_MAX_BACKOFF);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("flyway.zdm.lockRetryMaxBackoff = " + DurationText.format(max)
            + " is below flyway.zdm.lockRetryMinBackoff = " + DurationText.format(min));
      }
      return new ZdmSettings(this);
    }
  }
}
