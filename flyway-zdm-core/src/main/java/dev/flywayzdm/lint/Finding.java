package dev.flywayzdm.lint;

import java.util.Objects;

/**
 * One problem the linter found.
 *
 * @param file the migration's file name, as given in its {@link MigrationSource}
 * @param line 1-based line of the statement (or directive) in the file
 * @param column 1-based column
 * @param rule the rule that fired
 * @param severity the severity after {@link LintOptions} overrides
 * @param message what this statement does wrong, naming its objects
 * @param why why that is dangerous
 * @param fix the safe alternative
 */
public record Finding(
    String file, int line, int column, RuleId rule, Severity severity, String message, String why, String fix) {

  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** The stable kebab-case rule id. */
  public String ruleId() {
    return rule.id();
  }

  /** {@code file:line:col rule-id message}, the one-line form compilers and editors understand. */
  public String toText() {
    return file + ":" + line + ":" + column + " " + rule.id() + " " + message;
  }

  @Override
  public String toString() {
    return toText();
  }
}
