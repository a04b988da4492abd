package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** UNIQUE and PRIMARY KEY constraints on existing tables must adopt an index built concurrently. */
@AutoService(Rule.class)
@RuleInfo(
    id = "unique-constraint-without-index",
    severity = "error",
    title = "Adding a UNIQUE or PRIMARY KEY constraint builds its index while reads and writes are blocked",
    why = "ADD UNIQUE / ADD PRIMARY KEY builds a new index under an ACCESS EXCLUSIVE lock; a primary key also"
          + " scans for NULLs.",
    fix = "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT c UNIQUE USING INDEX idx (or PRIMARY"
          + " KEY USING INDEX idx), which only takes a brief lock.",
    baseClass = "ConcurrentIndexMigration",
    rank = 120
)
public final class UniqueConstraintWithoutIndex extends AlterTableRule {

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
