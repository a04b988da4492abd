package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Renaming (or moving) an existing table breaks the running application. */
final class RenameTable extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.RENAME_TABLE;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.RENAME_TABLE || action.kind() == AlterAction.Kind.SET_SCHEMA) {
      out.report(id(), action.first(), (action.kind() == AlterAction.Kind.SET_SCHEMA ? "Moving" : "Renaming")
          + " table " + table + (action.target() == null ? "" : " to " + action.target())
          + " breaks the running application version, which still uses the old name");
    }
  }
}
