package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** Explicit table locks in migrations. */
@AutoService(Rule.class)
@RuleInfo(
    id = "lock-table",
    severity = "warning",
    title = "An explicit LOCK TABLE blocks other sessions until the transaction ends",
    why = "LOCK TABLE takes ACCESS EXCLUSIVE unless a weaker mode is named and holds it to the end of the"
          + " migration's transaction.",
    fix = "Take no explicit lock; if one is needed, name the weakest mode that works and keep the migration"
          + " short.",
    rank = 270
)
public final class LockTable implements Rule {

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
