package dev.flywayzdm.config;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.lint.LintOptions;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.extensibility.ConfigurationExtension;

/**
 * Flyway configuration extension for the {@code flyway.zdm.*} namespace.
 *
 * <p>Registered in {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; Flyway binds
 * {@code flyway.zdm.<key>} to the bean property of the same name. Values stay text until
 * {@link #toSettings()} parses and validates them all at once.
 *
 * <p>From Java, set values on the instance Flyway registered, or bind a property map without
 * Flyway's Jackson-based binding with {@link ZdmProperties}:
 * <pre>{@code
 * FluentConfiguration configuration = Flyway.configure().dataSource(ds);
 * ZdmConfigurationExtension.in(configuration).apply(ZdmSettings.builder().lockTimeout(Duration.ofSeconds(1)).build());
 * }</pre>
 */
public class ZdmConfigurationExtension implements ConfigurationExtension {

  private String lockTimeout;
  private String statementTimeout;
  private String lockRetries;
  private String lockRetryMinBackoff;
  private String lockRetryMaxBackoff;
  private String lockRetryMaxTotal;
  private String soak;
  private String lint;
  private String maxBlockerAge;
  private String backfillBatchSize;
  private String backfillPause;
  private String lintDisabledRules;
  private String lintSeverity;
  private String startAfter;

  /** Every key of the namespace, as written after {@code flyway.zdm.}. */
  public static final List<String> KEYS = List.of("lockTimeout", "statementTimeout", "lockRetries",
      "lockRetryMinBackoff", "lockRetryMaxBackoff", "lockRetryMaxTotal", "soak", "lint", "maxBlockerAge",
      "backfillBatchSize", "backfillPause", "lintDisabledRules", "lintSeverity", "startAfter");

  /** The key prefix in flyway.conf and property maps. */
  public static final String PREFIX = "flyway.zdm.";

  /**
   * The instance Flyway registered for this configuration (set values on it before {@code load()}).
   *
   * @throws IllegalStateException when flyway-zdm is not among Flyway's plugins: its jar must be
   *     loadable by the class loader of flyway-core
   */
  public static ZdmConfigurationExtension in(Configuration configuration) {
    ZdmConfigurationExtension extension = configuration.getPluginRegister() == null
        ? null : configuration.getPluginRegister().getPlugin(ZdmConfigurationExtension.class);
    if (extension == null) {
      throw new IllegalStateException("flyway-zdm's configuration extension is not registered with Flyway: put the"
          + " flyway-zdm-core jar beside flyway-core (same class loader; for flyway-maven-plugin, a plugin dependency)");
    }
    return extension;
  }

  @Override
  public String getNamespace() {
    return "zdm";
  }

  /**
   * {@code FLYWAY_ZDM_LOCK_TIMEOUT} -> {@code flyway.zdm.lockTimeout}, for every key; null for variables
   * outside the namespace.
   *
   * @throws IllegalArgumentException for a {@code FLYWAY_ZDM_*} variable that names no key (a misspelt
   *     {@code FLYWAY_ZDM_LOCK_TIMOUT}), listing the accepted variables: Flyway would otherwise ignore it
   *     and the run would go ahead with the default the user meant to change, as a misspelt key in
   *     flyway.conf is refused too
   */
  @Override
  public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
    for (String key : KEYS) {
      if (environmentVariableOf(key).equals(environmentVariable)) {
        return PREFIX + key;
      }
    }
    if (environmentVariable != null && environmentVariable.startsWith(ENVIRONMENT_PREFIX)) {
      throw new IllegalArgumentException("unknown environment variable " + environmentVariable + ": accepted"
          + " variables are " + String.join(", ", KEYS.stream().map(ZdmConfigurationExtension::environmentVariableOf)
              .toList()) + " (flyway.zdm." + String.join(", flyway.zdm.", KEYS) + ")");
    }
    return null;
  }

  /** The prefix of every flyway-zdm environment variable. */
  public static final String ENVIRONMENT_PREFIX = "FLYWAY_ZDM_";

  /** {@code lockTimeout} -> {@code FLYWAY_ZDM_LOCK_TIMEOUT}. */
  public static String environmentVariableOf(String key) {
    return ENVIRONMENT_PREFIX + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** Sets every key from {@code settings} (the Java way to configure, instead of text). */
  public void apply(ZdmSettings settings) {
    lockTimeout = DurationText.format(settings.lockTimeout());
    statementTimeout = DurationText.format(settings.statementTimeout());
    lockRetries = String.valueOf(settings.lockRetries());
    lockRetryMinBackoff = DurationText.format(settings.lockRetryMinBackoff());
    lockRetryMaxBackoff = DurationText.format(settings.lockRetryMaxBackoff());
    lockRetryMaxTotal = DurationText.format(settings.lockRetryMaxTotal());
    soak = DurationText.format(settings.soak());
    lint = settings.lint().name().toLowerCase(Locale.ROOT);
    maxBlockerAge = DurationText.format(settings.maxBlockerAge());
    backfillBatchSize = String.valueOf(settings.backfillBatchSize());
    backfillPause = DurationText.format(settings.backfillPause());
    lintDisabledRules = settings.lintOptions().disabledRulesText();
    lintSeverity = settings.lintOptions().severitiesText();
    startAfter = settings.startAfter().orElse(null);
  }

  /** Sets one key by name ({@code lockTimeout}); unknown names are refused listing the accepted keys. */
  void set(String key, String value) {
    switch (key) {
      case "lockTimeout" -> lockTimeout = value;
      case "statementTimeout" -> statementTimeout = value;
      case "lockRetries" -> lockRetries = value;
      case "lockRetryMinBackoff" -> lockRetryMinBackoff = value;
      case "lockRetryMaxBackoff" -> lockRetryMaxBackoff = value;
      case "lockRetryMaxTotal" -> lockRetryMaxTotal = value;
      case "soak" -> soak = value;
      case "lint" -> lint = value;
      case "maxBlockerAge" -> maxBlockerAge = value;
      case "backfillBatchSize" -> backfillBatchSize = value;
      case "backfillPause" -> backfillPause = value;
      case "lintDisabledRules" -> lintDisabledRules = value;
      case "lintSeverity" -> lintSeverity = value;
      case "startAfter" -> startAfter = value;
      default -> throw new IllegalArgumentException("unknown setting " + PREFIX + key + " = '" + value
          + "': accepted keys are " + String.join(", ", KEYS.stream().map(k -> PREFIX + k).toList()));
    }
  }

  /** The validated settings these keys describe; unset keys take their defaults. */
  public ZdmSettings toSettings() {
    ZdmSettings.Builder builder = ZdmSettings.builder();
    if (lockTimeout != null) {
      builder.lockTimeout(DurationText.parse("flyway.zdm.lockTimeout", lockTimeout));
    }
    if (statementTimeout != null) {
      builder.statementTimeout(DurationText.parse("flyway.zdm.statementTimeout", statementTimeout));
    }
    if (lockRetries != null) {
      builder.lockRetries(parseInt("flyway.zdm.lockRetries", lockRetries));
    }
    if (lockRetryMinBackoff != null) {
      builder.lockRetryMinBackoff(DurationText.parse("flyway.zdm.lockRetryMinBackoff", lockRetryMinBackoff));
    }
    if (lockRetryMaxBackoff != null) {
      builder.lockRetryMaxBackoff(DurationText.parse("flyway.zdm.lockRetryMaxBackoff", lockRetryMaxBackoff));
    }
    if (lockRetryMaxTotal != null) {
      builder.lockRetryMaxTotal(DurationText.parse("flyway.zdm.lockRetryMaxTotal", lockRetryMaxTotal));
    }
    if (soak != null) {
      builder.soak(DurationText.parse("flyway.zdm.soak", soak));
    }
    if (lint != null) {
      builder.lint(LintMode.parse("flyway.zdm.lint", lint));
    }
    if (maxBlockerAge != null) {
      builder.maxBlockerAge(DurationText.parse("flyway.zdm.maxBlockerAge", maxBlockerAge));
    }
    if (backfillBatchSize != null) {
      builder.backfillBatchSize(parseInt("flyway.zdm.backfillBatchSize", backfillBatchSize));
    }
    if (backfillPause != null) {
      builder.backfillPause(DurationText.parse("flyway.zdm.backfillPause", backfillPause));
    }
    return builder.lintOptions(lintOptions()).startAfter(startAfter).build();
  }

  /** The rule switches and severities of {@code lintDisabledRules} and {@code lintSeverity}, read with the linter's own parsers. */
  private LintOptions lintOptions() {
    LintOptions.Builder options = LintOptions.builder();
    if (lintDisabledRules != null) {
      try {
        options.disable(lintDisabledRules);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + "lintDisabledRules = '" + lintDisabledRules + "': " + e.getMessage(), e);
      }
    }
    if (lintSeverity != null) {
      try {
        options.severities(lintSeverity);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + "lintSeverity = '" + lintSeverity + "': " + e.getMessage(), e);
      }
    }
    return options.build();
  }

  private static int parseInt(String key, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " = '" + text + "' is not a whole number", e);
    }
  }

  public String getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(String lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public String getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(String statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public String getLockRetries() {
    return lockRetries;
  }

  public void setLockRetries(String lockRetries) {
    this.lockRetries = lockRetries;
  }

  public String getLockRetryMinBackoff() {
    return lockRetryMinBackoff;
  }

  public void setLockRetryMinBackoff(String lockRetryMinBackoff) {
    this.lockRetryMinBackoff = lockRetryMinBackoff;
  }

  public String getLockRetryMaxBackoff() {
    return lockRetryMaxBackoff;
  }

  public void setLockRetryMaxBackoff(String lockRetryMaxBackoff) {
    this.lockRetryMaxBackoff = lockRetryMaxBackoff;
  }

  public String getLockRetryMaxTotal() {
    return lockRetryMaxTotal;
  }

  public void setLockRetryMaxTotal(String lockRetryMaxTotal) {
    this.lockRetryMaxTotal = lockRetryMaxTotal;
  }

  public String getSoak() {
    return soak;
  }

  public void setSoak(String soak) {
    this.soak = soak;
  }

  public String getLint() {
    return lint;
  }

  public void setLint(String lint) {
    this.lint = lint;
  }

  public String getMaxBlockerAge() {
    return maxBlockerAge;
  }

  public void setMaxBlockerAge(String maxBlockerAge) {
    this.maxBlockerAge = maxBlockerAge;
  }

  public String getBackfillBatchSize() {
    return backfillBatchSize;
  }

  public void setBackfillBatchSize(String backfillBatchSize) {
    this.backfillBatchSize = backfillBatchSize;
  }

  /** Lint rules the callback does not run, comma-separated rule ids ({@code prefer-jsonb,lock-table}). */
  public String getLintDisabledRules() {
    return lintDisabledRules;
  }

  public void setLintDisabledRules(String lintDisabledRules) {
    this.lintDisabledRules = lintDisabledRules;
  }

  /** Severity overrides for the callback's lint, {@code rule-id=error|warning|advice|off}, comma-separated. */
  public String getLintSeverity() {
    return lintSeverity;
  }

  public void setLintSeverity(String lintSeverity) {
    this.lintSeverity = lintSeverity;
  }

  public String getBackfillPause() {
    return backfillPause;
  }

  public void setBackfillPause(String backfillPause) {
    this.backfillPause = backfillPause;
  }

  /** The last version from before flyway-zdm was adopted ({@code flyway.zdm.startAfter}); null when unset. */
  public String getStartAfter() {
    return startAfter;
  }

  public void setStartAfter(String startAfter) {
    this.startAfter = startAfter;
  }
}
