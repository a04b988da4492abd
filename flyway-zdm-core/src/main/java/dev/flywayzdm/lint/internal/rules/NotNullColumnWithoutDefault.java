package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;

/** ADD COLUMN NOT NULL needs a default, or the table must be empty. */
final class NotNullColumnWithoutDefault extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.NOT_NULL_COLUMN_WITHOUT_DEFAULT;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.ADD_COLUMN) {
      return;
    }
    ColumnDefinition column = action.columnDefinition();
    boolean generated = column.identity() || column.storedGenerated() || column.type() != null && column.type().serial();
    if (column.notNull() && !column.hasDefault() && !generated && !column.primaryKey()) {
      out.report(id(), action.first(), "ADD COLUMN " + column.name() + " NOT NULL without a default fails if "
          + table + " has rows, and the running application's INSERTs would fail");
    }
  }
}
