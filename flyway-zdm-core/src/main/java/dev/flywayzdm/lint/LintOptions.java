package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.SessionOptions;
import dev.flywayzdm.lint.internal.engine.EngineOptions;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How the linter judges migrations. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * LintOptions options = LintOptions.builder()
 *     .targetMajor(16)
 *     .disable("prefer-timestamptz,prefer-jsonb")
 *     .severities("require-lock-timeout=error")
 *     .build();
 * }</pre>
 *
 * @param targetMajor the PostgreSQL major the migrations run on (default 13, the oldest supported)
 * @param disabledRules ids of the rules that never report, e.g. {@code prefer-jsonb}
 * @param severityOverrides severities that replace a rule's default, by rule id
 * @param callbackActive whether the flyway-zdm callback runs the migrations: it sets lock_timeout
 *     itself, so {@code require-lock-timeout} stays quiet
 * @param contractSteps whether a file marked {@code -- zdm:contract expand=<version>} may drop
 *     columns and tables; when false every destructive statement is reported
 * @param startAfter migrations up to and including this version are already applied: they are read
 *     to learn the schema (their tables count as existing ones) but not reported
 * @param eachFileAlone judge each file as if every file before it were already applied: a table is
 *     new and empty only in the file that creates it. For a folder linted without a schema history or
 *     a version-control base, where nobody knows which files the database already ran
 */
public record LintOptions(
    int targetMajor,
    Set<String> disabledRules,
    Map<String, Severity> severityOverrides,
    boolean callbackActive,
    boolean contractSteps,
    Optional<String> startAfter,
    boolean eachFileAlone) {

  /** The oldest PostgreSQL major flyway-zdm supports, assumed when nothing better is known. */
  public static final int DEFAULT_TARGET_MAJOR = 13;

  public LintOptions {
    checkMajor(targetMajor);
    // Canonical ids, sorted: equal options compare equal and print the same whatever the input's case.
    Set<String> disabled = new TreeSet<>();
    disabledRules.forEach(id -> disabled.add(Rules.parse(id, "disabledRules")));
    disabledRules = Collections.unmodifiableSet(disabled);
    Map<String, Severity> overrides = new TreeMap<>();
    severityOverrides.forEach((id, severity) -> overrides.put(Rules.parse(id, "severityOverrides"),
        Objects.requireNonNull(severity, "severity of " + id)));
    severityOverrides = Collections.unmodifiableMap(overrides);
    Objects.requireNonNull(startAfter, "startAfter");
  }

  /** Every rule on, PostgreSQL 13, no callback, contract steps honoured. */
  public static LintOptions defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.targetMajor = targetMajor;
    builder.disabled.addAll(disabledRules);
    builder.overrides.putAll(severityOverrides);
    builder.callbackActive = callbackActive;
    builder.contractSteps = contractSteps;
    builder.startAfter = startAfter.orElse(null);
    builder.eachFileAlone = eachFileAlone;
    return builder;
  }

  /**
   * Whether the rule reports at all with these options.
   *
   * @throws IllegalArgumentException for an unknown rule id, listing the accepted ones
   */
  public boolean enabled(String ruleId) {
    return SessionOptions.enabled(Rules.parse(ruleId, "LintOptions.enabled"), disabledRules, callbackActive);
  }

  /**
   * The severity findings of this rule get: the override, else the rule's default.
   *
   * @throws IllegalArgumentException for an unknown rule id, listing the accepted ones
   */
  public Severity severityOf(String ruleId) {
    String rule = Rules.parse(ruleId, "LintOptions.severityOf");
    Severity override = severityOverrides.get(rule);
    return override != null ? override : Severity.parse(Rules.find(rule).orElseThrow().descriptor().severity());
  }

  /** The disabled rules as {@link Builder#disable(String)} reads them: {@code "lock-table,prefer-jsonb"}. */
  public String disabledRulesText() {
    return String.join(",", disabledRules);
  }

  /** The overrides as {@link Builder#severities(String)} reads them: {@code "require-lock-timeout=error"}. */
  public String severitiesText() {
    return severityOverrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().label())
        .collect(Collectors.joining(","));
  }

  /** These options in the engine's terms. */
  SessionOptions sessionOptions() {
    Map<String, String> severities = new TreeMap<>();
    severityOverrides.forEach((rule, severity) -> severities.put(rule, severity.label()));
    return new SessionOptions(new EngineOptions(targetMajor, contractSteps), disabledRules, severities,
        callbackActive, startAfter, eachFileAlone);
  }

  private static int checkMajor(int major) {
    if (major < 9 || major > 99) {
      throw new IllegalArgumentException("targetMajor must be a PostgreSQL major version such as 13, was " + major);
    }
    return major;
  }

  /** Collects options; each setter checks its value at once. */
  public static final class Builder {
    private int targetMajor = DEFAULT_TARGET_MAJOR;
    private final Set<String> disabled = new TreeSet<>();
    private final Map<String, Severity> overrides = new TreeMap<>();
    private boolean callbackActive;
    private boolean contractSteps = true;
    private String startAfter;
    private boolean eachFileAlone;

    private Builder() {}

    /** The PostgreSQL major the migrations run on (13 to 18); some rules depend on it. */
    public Builder targetMajor(int major) {
      this.targetMajor = checkMajor(major);
      return this;
    }

    /**
     * Disables the rules of a comma-separated id list such as {@code "prefer-jsonb, lock-table"}.
     *
     * @throws IllegalArgumentException naming an unknown id and listing the accepted ones
     */
    public Builder disable(String ruleIds) {
      for (String id : ruleIds.split(",")) {
        if (!id.isBlank()) {
          disabled.add(Rules.parse(id, "the disabled lint rules"));
        }
      }
      return this;
    }

    /**
     * Replaces the default severity of the rule {@code ruleId}.
     *
     * @throws IllegalArgumentException naming an unknown id and listing the accepted ones
     */
    public Builder severity(String ruleId, Severity severity) {
      overrides.put(Rules.parse(ruleId, "the lint severity overrides"), Objects.requireNonNull(severity, "severity"));
      return this;
    }

    /**
     * Reads overrides such as {@code "require-lock-timeout=error, prefer-jsonb=off"}; {@code off}
     * disables the rule.
     *
     * @throws IllegalArgumentException naming the bad entry, id or severity
     */
    public Builder severities(String overridesText) {
      for (String entry : overridesText.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        int equals = entry.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("Lint severity override '" + entry.trim()
              + "' must look like <rule-id>=<error|warning|advice|off>");
        }
        String rule = Rules.parse(entry.substring(0, equals), "the lint severity overrides");
        String severity = entry.substring(equals + 1).trim();
        if (severity.equalsIgnoreCase("off")) {
          disabled.add(rule);
        } else {
          overrides.put(rule, Severity.parse(severity));
        }
      }
      return this;
    }

    /** Whether the flyway-zdm callback runs the migrations (it sets lock_timeout itself). */
    public Builder callbackActive(boolean active) {
      this.callbackActive = active;
      return this;
    }

    /** Whether {@code zdm:contract} files may drop columns and tables (default true). */
    public Builder contractSteps(boolean honoured) {
      this.contractSteps = honoured;
      return this;
    }

    /** Treats migrations up to and including {@code version} as applied; null clears it. */
    public Builder startAfter(String version) {
      if (version != null && !version.matches("[0-9]+([._][0-9]+)*")) {
        throw new IllegalArgumentException("startAfter must be a Flyway version such as 42 or 1.2, was '" + version + "'");
      }
      this.startAfter = version == null ? null : version.replace('_', '.');
      return this;
    }

    /**
     * Whether each file is judged as if all files before it were applied (a table is new only in the
     * file that creates it), for folders whose applied migrations are unknown. Default false: tables
     * created by an earlier pending migration are new and empty.
     */
    public Builder eachFileAlone(boolean alone) {
      this.eachFileAlone = alone;
      return this;
    }

    /** The immutable options. */
    public LintOptions build() {
      return new LintOptions(targetMajor, disabled, overrides, callbackActive, contractSteps,
          Optional.ofNullable(startAfter), eachFileAlone);
    }
  }
}
