package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** Explicit table locks in migrations. */
final class LockTable implements Rule {

  @Override
  public RuleId id() {
    return RuleId.LOCK_TABLE;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("LOCK")) {
      return;
    }
    TableLock.of(context).filter(TableLock::existing).ifPresent(lock ->
        out.report(id(), s.first(), "LOCK TABLE " + lock.object() + " takes " + lock.mode().label()
            + " and holds it until the migration commits"));
  }
}
