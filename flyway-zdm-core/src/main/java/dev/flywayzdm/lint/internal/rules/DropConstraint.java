package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Dropping a constraint removes a guarantee the running version and the data may rely on. */
@AutoService(Rule.class)
@RuleInfo(
    id = "drop-constraint",
    severity = "warning",
    title = "Dropping a constraint removes a guarantee the running application relies on",
    why = "Once dropped, rows that break the rule can be written and cannot be told apart later; restoring it"
          + " means a full validation scan. The drop takes ACCESS EXCLUSIVE on the table (and on the"
          + " referenced table for a foreign key), a brief lock that still queues every query while it waits.",
    fix = "Drop it in a contract step after the application no longer needs it, with a short lock_timeout; to"
          + " change a constraint, add the new one NOT VALID and VALIDATE it before dropping the old one.",
    baseClass = "DualWriteContractMigration",
    rank = 185
)
public final class DropConstraint extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.DROP_CONSTRAINT && !Destructive.allowed(context)) {
      out.report(id(), action.first(), "Dropping constraint " + (action.target() == null ? "" : action.target() + " ")
          + "of existing table " + table + " removes a guarantee the running version and its data rely on");
    }
  }
}
