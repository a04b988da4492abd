package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** A CHECK constraint on an existing table must be added NOT VALID, then validated separately. */
final class CheckConstraintMissingNotValid extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.CHECK_CONSTRAINT_MISSING_NOT_VALID;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.CHECK && !action.constraint().notValid()) {
      out.report(id(), action.first(), "CHECK constraint " + ForeignKeyMissingNotValid.name(action)
          + " on existing table " + table + " without NOT VALID scans every row under an ACCESS EXCLUSIVE lock");
    }
  }
}
