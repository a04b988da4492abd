package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.Volatility;

/** ADD COLUMN with a default computed per row rewrites the table. */
final class VolatileColumnDefault extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.VOLATILE_COLUMN_DEFAULT;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.ADD_COLUMN || !action.columnDefinition().hasDefault()) {
      return;
    }
    if (context.targetMajor() < 11) {
      out.report(id(), action.first(), "ADD COLUMN " + action.column() + " with a default rewrites existing table "
          + table + " before PostgreSQL 11, under an ACCESS EXCLUSIVE lock");
      return;
    }
    Volatility.volatileCall(action.columnDefinition().defaultExpression()).ifPresent(call ->
        out.report(id(), action.first(), "ADD COLUMN " + action.column() + " with volatile default " + call
            + " rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock"));
  }
}
