package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** DROP NOT NULL lets the new version write NULLs that the old version's readers do not expect. */
@AutoService(Rule.class)
@RuleInfo(
    id = "drop-not-null",
    severity = "advice",
    title = "DROP NOT NULL lets NULLs reach readers that assume there are none",
    why = "The change itself is quick (a brief ACCESS EXCLUSIVE lock, no scan), but once the new version writes"
          + " NULL into the column, the version still running, reports and downstream consumers that read it"
          + " as never null can fail or show wrong results.",
    fix = "Deploy readers that handle NULL first, then drop the constraint; or keep NOT NULL and write an"
          + " explicit default value.",
    rank = 195
)
public final class DropNotNull extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.DROP_NOT_NULL) {
      out.report(id(), action.first(), "DROP NOT NULL on " + table + "." + action.column() + " lets NULLs reach"
          + " readers of the running version that assume the column is never null");
    }
  }
}
