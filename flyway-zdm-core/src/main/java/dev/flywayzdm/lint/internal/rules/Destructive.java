package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.StatementContext;

/** Whether a destructive statement (drop, truncate) is declared intended where it stands. */
final class Destructive {

  private Destructive() {}

  static boolean allowed(StatementContext context) {
    return context.options().contractSteps() && context.file().destructiveAllowed();
  }
}
