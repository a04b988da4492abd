package dev.flywayzdm.config;

import org.flywaydb.core.extensibility.ConfigurationExtension;

/**
 * Flyway configuration extension for the {@code flyway.zdm.*} namespace.
 *
 * <p>Registered in {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; Flyway binds
 * {@code flyway.zdm.<key>} to the bean property of the same name. Values stay text until
 * {@link #toSettings()} parses and validates them all at once.
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

  @Override
  public String getNamespace() {
    return "zdm";
  }

  @Override
  public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
    return null;
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
    return builder.build();
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

  public String getBackfillPause() {
    return backfillPause;
  }

  public void setBackfillPause(String backfillPause) {
    this.backfillPause = backfillPause;
  }
}
