package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Renaming (or moving) an existing table breaks the running application. */
@AutoService(Rule.class)
@RuleInfo(
    id = "rename-table",
    severity = "error",
    title = "Renaming a table breaks the application version that is still running",
    why = "The old version keeps using the old name and fails at once; the rename also needs an ACCESS"
          + " EXCLUSIVE lock.",
    fix = "Create the new table (or a view with the old name over the renamed table for one release), move"
          + " the application, and remove the old name in a contract step.",
    baseClass = "DualWriteExpandMigration",
    rank = 150
)
public final class RenameTable extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.RENAME_TABLE || action.kind() == AlterAction.Kind.SET_SCHEMA) {
      out.report(id(), action.first(), (action.kind() == AlterAction.Kind.SET_SCHEMA ? "Moving" : "Renaming")
          + " table " + table + (action.target() == null ? "" : " to " + action.target())
          + " breaks the running application version, which still uses the old name");
    }
  }
}
