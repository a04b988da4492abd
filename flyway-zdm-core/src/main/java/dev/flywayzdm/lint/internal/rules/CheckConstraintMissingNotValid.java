package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** A CHECK constraint on an existing table must be added NOT VALID, then validated separately. */
@AutoService(Rule.class)
@RuleInfo(
    id = "check-constraint-missing-not-valid",
    severity = "error",
    title = "Adding a CHECK constraint without NOT VALID blocks reads and writes while every row is checked",
    why = "ADD CONSTRAINT ... CHECK holds an ACCESS EXCLUSIVE lock on the table for the full scan that proves"
          + " existing rows satisfy it: even SELECTs wait.",
    fix = "Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE"
          + " EXCLUSIVE: reads and writes continue).",
    baseClass = "ValidatedConstraintMigration",
    rank = 60
)
public final class CheckConstraintMissingNotValid extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.CHECK && !action.constraint().notValid()) {
      out.report(id(), action.first(), "CHECK constraint " + ForeignKeyMissingNotValid.name(action)
          + " on existing table " + table + " without NOT VALID scans every row under an ACCESS EXCLUSIVE lock");
    }
  }
}
