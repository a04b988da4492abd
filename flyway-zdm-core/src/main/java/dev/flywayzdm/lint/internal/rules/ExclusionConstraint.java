package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** EXCLUDE constraints cannot be built online on an existing table. */
@AutoService(Rule.class)
@RuleInfo(
    id = "exclusion-constraint",
    severity = "error",
    title = "Adding an EXCLUDE constraint to an existing table blocks reads and writes while its index is built",
    why = "An exclusion constraint builds its index and checks every row under ACCESS EXCLUSIVE, and unlike"
          + " UNIQUE it cannot be attached to an index built concurrently.",
    fix = "Create the constraint when the table is created, or add it in a maintenance window; consider a"
          + " trigger-based check on a large live table.",
    rank = 130
)
public final class ExclusionConstraint extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.EXCLUDE) {
      out.report(id(), action.first(), "EXCLUDE constraint on existing table " + table + " builds its index and"
          + " checks every row under an ACCESS EXCLUSIVE lock");
    }
  }
}
