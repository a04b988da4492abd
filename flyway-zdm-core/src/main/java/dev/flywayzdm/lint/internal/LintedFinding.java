package dev.flywayzdm.lint.internal;

import dev.flywayzdm.lint.internal.rules.RuleHelp;

/**
 * A finding after options and suppressions, in the engine's terms; the public linter turns it into a
 * {@code Finding}, the report writers read it.
 *
 * @param rule the canonical rule id
 * @param severity the severity label after overrides: {@code error}, {@code warning} or {@code advice}
 */
public record LintedFinding(
    String file, int line, int column, String rule, String severity, String message, String why, String fix) {

  /** The rule's doc page. */
  public String helpUri() {
    return RuleHelp.helpUri(rule);
  }
}
