package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** DROP COLUMN only in a declared contract step. */
final class DropColumn extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.DROP_COLUMN;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.DROP_COLUMN && !Destructive.allowed(context)) {
      out.report(id(), action.first(), "Dropping column " + table + "." + action.column()
          + " outside a contract step breaks the application version that still reads or writes it");
    }
  }
}
