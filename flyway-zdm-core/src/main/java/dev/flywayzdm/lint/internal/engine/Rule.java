package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.RuleId;

/** One check, run on every statement; it reports through the {@link Reporter}. */
public interface Rule {

  /** The rule this check reports as. */
  RuleId id();

  void check(StatementContext statement, Reporter out);
}
