package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;

/** Auto-increment columns added to an existing table rewrite it. */
@AutoService(Rule.class)
@RuleInfo(
    id = "add-auto-increment-column",
    severity = "error",
    title = "Adding a serial, bigserial or identity column rewrites the whole table under an ACCESS EXCLUSIVE lock",
    why = "Each existing row needs its own sequence value, so the table and its indexes are rewritten while"
          + " all reads and writes wait.",
    fix = "Add a plain bigint column, attach a sequence with SET DEFAULT nextval(...) for new rows, backfill"
          + " existing rows in batches; or ALTER COLUMN ... ADD GENERATED AS IDENTITY on a filled column.",
    baseClass = "BatchedBackfillMigration",
    rank = 200
)
public final class AddAutoIncrementColumn extends AlterTableRule {

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
