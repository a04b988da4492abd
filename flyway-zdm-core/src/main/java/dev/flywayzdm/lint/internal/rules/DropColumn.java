package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** DROP COLUMN only in a declared contract step. */
@AutoService(Rule.class)
@RuleInfo(
    id = "drop-column",
    severity = "error",
    title = "Dropping a column outside a contract step breaks the application version that still uses it",
    why = "The running version may still SELECT or INSERT the column (ORMs list every column), and the data is"
          + " gone for good. The drop itself is quick but needs an ACCESS EXCLUSIVE lock.",
    fix = "Stop using the column in the application first, then drop it in a migration marked"
          + " -- zdm:contract expand=<version> after the expand step has soaked.",
    baseClass = "DualWriteContractMigration",
    rank = 160
)
public final class DropColumn extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.DROP_COLUMN && !Destructive.allowed(context)) {
      out.report(id(), action.first(), "Dropping column " + table + "." + action.column()
          + " outside a contract step breaks the application version that still reads or writes it");
    }
  }
}
