package dev.flywayzdm.internal.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of {@code flyway.zdm.*} settings: name, type (parser and range), default and the text of
 * the README's settings table. Every binding (Flyway configuration, environment variables, property
 * maps, the Maven plugin) and the README are derived from it: adding a setting is one row here plus
 * its use.
 */
public enum SettingKey {
  LOCK_TIMEOUT("lockTimeout", SettingType.SERVER_TIMEOUT, "2s",
      "how long one DDL statement may queue for its lock before it gives up (and is retried)"),
  STATEMENT_TIMEOUT("statementTimeout", SettingType.SERVER_TIMEOUT_OR_ZERO, "0",
      "bound on transactional statements (0: none); never applied to concurrent index builds and validations"),
  LOCK_RETRIES("lockRetries", SettingType.COUNT, "10",
      "retries of a statement that hit lock_timeout, a deadlock or a serialization failure"),
  LOCK_RETRY_MIN_BACKOFF("lockRetryMinBackoff", SettingType.SERVER_TIMEOUT, "500ms",
      "first backoff between retries, doubled each time with jitter"),
  LOCK_RETRY_MAX_BACKOFF("lockRetryMaxBackoff", SettingType.SERVER_TIMEOUT, "30s",
      "cap on one backoff, at least lockRetryMinBackoff"),
  LOCK_RETRY_MAX_TOTAL("lockRetryMaxTotal", SettingType.SERVER_TIMEOUT, "5m",
      "cap on all waiting and retrying of one statement"),
  LOCK_ATTEMPT_TIMEOUT("lockAttemptTimeout", SettingType.SERVER_TIMEOUT_OR_ZERO, "100ms",
      "lock_timeout of one attempt at a lock: a SQL statement's table lock, taken first by the callback, and each try"
          + " of a Java migration's DDL step (the longest the application waits behind it); a SQL statement's attempt"
          + " doubles only while short transactions take turns holding the lock, up to lockTimeout; `0`: no attempts,"
          + " each try queues for its lock for up to lockTimeout"),
  SOAK("soak", SettingType.SOAK, "24h",
      "how long an expand must have been live before its contract may run (`0` for dev and tests)"),
  LINT("lint", SettingType.TEXT, "warn",
      "what the callback does with linter findings: `off`, `warn`, `fail`"),
  MAX_BLOCKER_AGE("maxBlockerAge", SettingType.SERVER_TIMEOUT, "1m",
      "transactions older than this are logged before the run"),
  BACKFILL_BATCH_SIZE("backfillBatchSize", SettingType.POSITIVE_COUNT, "1000",
      "rows of a batched backfill's first batch; the size then adapts to 100 ms per batch unless the migration fixes batchSize"),
  BACKFILL_PAUSE("backfillPause", SettingType.SERVER_TIMEOUT_OR_ZERO, "0",
      "pause between backfill batches"),
  BACKFILL_LOCK_RETRIES("backfillLockRetries", SettingType.COUNT, "3",
      "lock_timeout retries of one backfill batch before the backfill gives up (resumable: a rerun continues)"),
  MAX_REPLICA_LAG("maxReplicaLag", SettingType.SERVER_TIMEOUT_OR_ZERO, "10s",
      "a backfill waits before its next batch while a streaming standby's `replay_lag` is above this (0: not checked)"),
  MAX_REPLICA_LAG_BYTES("maxReplicaLagBytes", SettingType.BYTES, "1GB",
      "a backfill waits before its next batch while a standby has more WAL than this still to replay (`512MB`,"
          + " `2GB`; 0: not checked)"),
  BACKFILL_THROTTLE_QUERY("backfillThrottleQuery", SettingType.TEXT, "",
      "a query returning one boolean, run on a second connection before batches (at most once a second, under a"
          + " 5s statement_timeout): the backfill waits while it returns true"),
  BACKFILL_MAX_WAIT("backfillMaxWait", SettingType.SERVER_TIMEOUT, "30m",
      "the longest a backfill waits before one batch (replica lag, throttle query, an operator's pause); then it"
          + " fails, resumable"),
  LINT_DISABLED_RULES("lintDisabledRules", SettingType.TEXT, "",
      "rule ids the callback's lint skips, e.g. `prefer-timestamptz,prefer-jsonb`"),
  LINT_SEVERITY("lintSeverity", SettingType.TEXT, "",
      "severity overrides, e.g. `lock-table=error,prefer-jsonb=off`"),
  START_AFTER("startAfter", SettingType.TEXT, "",
      "the last version from before the project adopted flyway-zdm: migrations up to and including it run as"
          + " plain Flyway runs them; unset: the adoption point recorded in the database");

  /** The key prefix in flyway.conf and property maps. */
  public static final String PREFIX = "flyway.zdm.";

  /** The prefix of every flyway-zdm environment variable. */
  public static final String ENVIRONMENT_PREFIX = "FLYWAY_ZDM_";

  private final String key;
  private final SettingType type;
  private final String defaultText;
  private final String doc;

  SettingKey(String key, SettingType type, String defaultText, String doc) {
    this.key = key;
    this.type = type;
    this.defaultText = defaultText;
    this.doc = doc;
  }

  /** The name after {@code flyway.zdm.}, e.g. {@code lockTimeout}. */
  public String key() {
    return key;
  }

  /** {@code flyway.zdm.lockTimeout}: how messages name the setting. */
  public String qualified() {
    return PREFIX + key;
  }

  /** {@code FLYWAY_ZDM_LOCK_TIMEOUT}. */
  public String environmentVariable() {
    return ENVIRONMENT_PREFIX + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  public SettingType type() {
    return type;
  }

  /** The default as users write it; empty when the setting is unset by default. */
  public String defaultText() {
    return defaultText;
  }

  /** What the setting does, as the README's settings table says it. */
  public String doc() {
    return doc;
  }

  /** Parses and checks {@code text} for this key (see {@link SettingType#parse}). */
  public Object parse(String text) {
    return type.parse(qualified(), text);
  }

  /** Checks a typed value for this key. */
  public Object check(Object value) {
    return type.check(qualified(), value);
  }

  /** The default, typed; null for {@link SettingType#TEXT} keys and keys without a default. */
  public Object defaultValue() {
    return type == SettingType.TEXT || defaultText.isEmpty() ? null : parse(defaultText);
  }

  /** Every name, in table order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(SettingKey::key).toList();
  }

  /** The row for a name written after {@code flyway.zdm.} ({@code lockTimeout}). */
  public static Optional<SettingKey> named(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** The row for an environment variable ({@code FLYWAY_ZDM_LOCK_TIMEOUT}). */
  public static Optional<SettingKey> ofEnvironmentVariable(String variable) {
    return Arrays.stream(values()).filter(k -> k.environmentVariable().equals(variable)).findFirst();
  }

  /**
   * The row for {@code flyway.zdm.lockTimeout}, the un-prefixed {@code zdm.lockTimeout} (the form some
   * Maven plugin versions pass) and Spring's relaxed {@code flyway.zdm.lock-timeout}; empty for keys
   * outside the namespace. {@link #relaxedName} gives the name for a key in the namespace that names no row.
   */
  public static Optional<SettingKey> ofProperty(String property) {
    return relaxedName(property).flatMap(SettingKey::named);
  }

  /** {@code lockTimeout} for any of the property forms {@link #ofProperty} accepts; empty outside the namespace. */
  public static Optional<String> relaxedName(String property) {
    if (property.startsWith(PREFIX)) {
      return Optional.of(camelCase(property.substring(PREFIX.length())));
    }
    if (property.startsWith("zdm.")) {
      return Optional.of(camelCase(property.substring("zdm.".length())));
    }
    return Optional.empty();
  }

  /** The refusal of a key in the namespace that names no row, listing the accepted ones. */
  public static IllegalArgumentException unknown(String key, String value) {
    return new IllegalArgumentException("unknown setting " + PREFIX + key + " = '" + value
        + "': accepted keys are " + String.join(", ", Arrays.stream(values()).map(SettingKey::qualified).toList()));
  }

  private static String camelCase(String name) {
    StringBuilder camel = new StringBuilder(name.length());
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  /** Runs {@code parse} over {@code text}, prefixing its refusal with this key and the value given. */
  public <T> T parsedBy(String text, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(qualified() + " = '" + text + "': " + e.getMessage(), e);
    }
  }
}
