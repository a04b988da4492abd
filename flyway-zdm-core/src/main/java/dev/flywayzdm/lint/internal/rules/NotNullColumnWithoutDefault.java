package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;

/** ADD COLUMN NOT NULL needs a default, or the table must be empty. */
@AutoService(Rule.class)
@RuleInfo(
    id = "not-null-column-without-default",
    severity = "error",
    title = "ADD COLUMN ... NOT NULL without a default fails on a table that has rows and breaks old inserts",
    why = "Existing rows would hold NULL, so PostgreSQL rejects the statement unless the table is empty; and"
          + " the running application version does not know the column, so its INSERTs would fail.",
    fix = "Add the column nullable (or NOT NULL with a constant DEFAULT on PostgreSQL 11+), backfill in"
          + " batches, then enforce NOT NULL through a validated CHECK.",
    baseClass = "BatchedBackfillMigration",
    rank = 100
)
public final class NotNullColumnWithoutDefault extends AlterTableRule {

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
