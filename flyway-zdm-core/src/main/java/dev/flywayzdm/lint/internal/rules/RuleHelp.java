package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.RuleInfo;

/** What a reader is pointed to for a rule: the fix with its flyway-zdm base class, and the rule's doc page. */
public final class RuleHelp {

  /**
   * Where the rule pages live: {@code <base><id>.md}. The one place the link is spelled; SARIF, the JSON
   * and text reports and the generated docs all take it from here.
   */
  public static final String DOCS_BASE = "https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/";

  private RuleHelp() {}

  /** The rule's doc page, e.g. {@code .../docs/rules/drop-table.md}. */
  public static String helpUri(String ruleId) {
    return DOCS_BASE + ruleId + ".md";
  }

  /** The fix, naming the flyway-zdm base class when there is one. */
  public static String help(RuleInfo rule) {
    return rule.baseClass().isEmpty() ? rule.fix()
        : rule.fix() + " flyway-zdm: extend dev.flywayzdm.migration." + rule.baseClass() + ".";
  }
}
