package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** A foreign key on an existing table must be added NOT VALID, then validated separately. */
@AutoService(Rule.class)
@RuleInfo(
    id = "foreign-key-missing-not-valid",
    severity = "error",
    title = "Adding a FOREIGN KEY without NOT VALID blocks writes to both tables while every row is checked",
    why = "ADD FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock on the table and the referenced table and holds"
          + " it while it scans the whole table to check existing rows: no INSERT, UPDATE or DELETE on"
          + " either table until the scan ends.",
    fix = "Add the constraint with NOT VALID (new rows are checked at once, no scan), then run"
          + " VALIDATE CONSTRAINT in a later migration: it takes only a SHARE UPDATE EXCLUSIVE lock.",
    baseClass = "ValidatedConstraintMigration",
    rank = 50
)
public final class ForeignKeyMissingNotValid extends AlterTableRule {

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
