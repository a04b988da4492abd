package dev.flywayzdm.lint.internal;

import dev.flywayzdm.lint.internal.engine.EngineOptions;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a lint session needs of the user's options, in the engine's own terms (rule ids, severity
 * labels), so nothing under {@code internal} depends on the public {@code LintOptions}: the public
 * linter converts at its boundary.
 *
 * @param engine what the statement checks need
 * @param disabled canonical ids of the rules that never report
 * @param severities severity labels ({@code error}, {@code warning}, {@code advice}) replacing a rule's default
 * @param callbackActive whether the callback sets lock_timeout itself, which quiets {@code require-lock-timeout}
 * @param startAfter migrations up to and including this version are read for their schema, not reported
 */
public record SessionOptions(
    EngineOptions engine, Set<String> disabled, Map<String, String> severities, boolean callbackActive,
    Optional<String> startAfter, boolean eachFileAlone) {

  /** The rule the callback makes moot: it sets lock_timeout on every migration's connection. */
  public static final String LOCK_TIMEOUT_RULE = "require-lock-timeout";

  public SessionOptions {
    Objects.requireNonNull(engine, "engine");
    disabled = Set.copyOf(disabled);
    severities = Map.copyOf(severities);
    Objects.requireNonNull(startAfter, "startAfter");
  }

  /** Whether the rule with this canonical id reports at all. */
  public boolean enabled(String rule) {
    return enabled(rule, disabled, callbackActive);
  }

  /** The one definition of "enabled", shared with the public options. */
  public static boolean enabled(String rule, Set<String> disabled, boolean callbackActive) {
    return !disabled.contains(rule) && !(rule.equals(LOCK_TIMEOUT_RULE) && callbackActive);
  }

  /** The severity label findings of this rule get: the override, else the rule's default. */
  public String severityOf(String rule) {
    String override = severities.get(rule);
    return override != null ? override : Rules.find(rule).orElseThrow().descriptor().severity();
  }
}
