package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Renaming a column of an existing table breaks the running application. */
@AutoService(Rule.class)
@RuleInfo(
    id = "rename-column",
    severity = "error",
    title = "Renaming a column breaks the application version that is still running",
    why = "During a rolling deploy the old version keeps querying the old name and fails at once. The rename"
          + " itself also needs an ACCESS EXCLUSIVE lock.",
    fix = "Expand and contract: add the new column, write both, backfill, move reads, then drop the old column"
          + " in a contract step once no running version uses it.",
    baseClass = "DualWriteExpandMigration",
    rank = 140
)
public final class RenameColumn extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.RENAME_COLUMN) {
      out.report(id(), action.first(), "Renaming column " + table + "." + action.column()
          + (action.target() == null ? "" : " to " + action.target())
          + " breaks the running application version, which still uses the old name");
    }
  }
}
