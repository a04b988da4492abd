package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** UNIQUE and PRIMARY KEY constraints on existing tables must adopt an index built concurrently. */
final class UniqueConstraintWithoutIndex extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.UNIQUE_CONSTRAINT_WITHOUT_INDEX;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT && !action.constraint().usingIndex()
        && (action.constraint().kind() == ConstraintDefinition.Kind.UNIQUE
            || action.constraint().kind() == ConstraintDefinition.Kind.PRIMARY_KEY)) {
      String kind = action.constraint().kind() == ConstraintDefinition.Kind.UNIQUE ? "UNIQUE" : "PRIMARY KEY";
      out.report(id(), action.first(), kind + " constraint on existing table " + table
          + " builds its index under an ACCESS EXCLUSIVE lock; no USING INDEX");
    } else if (action.kind() == AlterAction.Kind.ADD_COLUMN
        && (action.columnDefinition().unique() || action.columnDefinition().primaryKey())) {
      out.report(id(), action.first(), "ADD COLUMN " + action.column() + " with an inline UNIQUE/PRIMARY KEY builds"
          + " an index on existing table " + table + " under an ACCESS EXCLUSIVE lock");
    }
  }
}
