package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** A foreign key on an existing table must be added NOT VALID, then validated separately. */
final class ForeignKeyMissingNotValid extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.FOREIGN_KEY_MISSING_NOT_VALID;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.FOREIGN_KEY && !action.constraint().notValid()) {
      out.report(id(), action.first(), "FOREIGN KEY " + name(action) + " on existing table " + table
          + " without NOT VALID scans every row while writes to both tables wait (SHARE ROW EXCLUSIVE)");
    } else if (action.kind() == AlterAction.Kind.ADD_COLUMN && action.columnDefinition().references()
        && action.columnDefinition().hasDefault()) {
      out.report(id(), action.first(), "Column " + action.column() + " REFERENCES another table and has a default:"
          + " every existing row of " + table + " is checked while writes to both tables wait");
    }
  }

  static String name(AlterAction action) {
    return action.constraint().name() == null ? "(unnamed)" : action.constraint().name();
  }
}
