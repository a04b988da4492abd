package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;

/** Auto-increment columns added to an existing table rewrite it. */
final class AddAutoIncrementColumn extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.ADD_AUTO_INCREMENT_COLUMN;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.ADD_COLUMN) {
      return;
    }
    ColumnDefinition column = action.columnDefinition();
    if (column.identity() || column.type() != null && column.type().serial()) {
      out.report(id(), action.first(), "ADD COLUMN " + column.name() + " " + (column.identity() ? "as IDENTITY"
          : column.type().base().replace("serial4", "serial").replace("serial8", "bigserial")
              .replace("serial2", "smallserial")) + " fills every existing row of " + table
          + ", rewriting it under an ACCESS EXCLUSIVE lock");
    }
  }
}
