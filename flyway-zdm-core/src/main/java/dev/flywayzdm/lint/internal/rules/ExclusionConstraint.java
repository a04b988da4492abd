package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** EXCLUDE constraints cannot be built online on an existing table. */
final class ExclusionConstraint extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.EXCLUSION_CONSTRAINT;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.EXCLUDE) {
      out.report(id(), action.first(), "EXCLUDE constraint on existing table " + table + " builds its index and"
          + " checks every row under an ACCESS EXCLUSIVE lock");
    }
  }
}
