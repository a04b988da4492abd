package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.rules.RuleHelp;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.Objects;

/**
 * One problem the linter found: where, which rule, what and how to fix it. Read from a
 * {@link LintReport} or from {@link Linter#lintScript(String, String)}.
 *
 * @param file the migration's file name, as given in its {@link MigrationSource}
 * @param line 1-based line of the statement (or directive) in the file
 * @param column 1-based column
 * @param rule the stable kebab-case id of the rule that fired, e.g. {@code drop-table}
 * @param severity the severity after {@link LintOptions} overrides
 * @param message what this statement does wrong, naming its objects
 * @param why why that is dangerous
 * @param fix the safe alternative
 */
public record Finding(
    String file, int line, int column, String rule, Severity severity, String message, String why, String fix) {

  public Finding {
    Objects.requireNonNull(file, "file");
    rule = Rules.parse(Objects.requireNonNull(rule, "rule"), "Finding.rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** The stable kebab-case rule id. */
  public String ruleId() {
    return rule;
  }

  /** The rule's doc page: what it detects, why, the fix, examples. */
  public String helpUri() {
    return RuleHelp.helpUri(rule);
  }

  /** {@code file:line:col rule-id message}, the one-line form compilers and editors understand. */
  public String toText() {
    return file + ":" + line + ":" + column + " " + rule + " " + message;
  }

  @Override
  public String toString() {
    return toText();
  }
}
