package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Renaming a column of an existing table breaks the running application. */
final class RenameColumn extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.RENAME_COLUMN;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.RENAME_COLUMN) {
      out.report(id(), action.first(), "Renaming column " + table + "." + action.column()
          + (action.target() == null ? "" : " to " + action.target())
          + " breaks the running application version, which still uses the old name");
    }
  }
}
