package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;
import java.util.List;

/** A foreign key on an existing table with no index on its columns makes every parent delete scan it. */
@AutoService(Rule.class)
@RuleInfo(
    id = "foreign-key-without-index",
    severity = "advice",
    title = "A foreign key with no index on the referencing columns makes parent deletes and updates scan the table",
    why = "PostgreSQL indexes the referenced key but not the referencing columns. Every DELETE of a parent row,"
          + " and every UPDATE of its key, then scans the whole referencing table while holding its row locks,"
          + " and ON DELETE CASCADE does so once per deleted row.",
    fix = "Before adding the foreign key, CREATE INDEX CONCURRENTLY on the referencing columns (in their own"
          + " migration), or leave it out only when parent rows are never deleted or re-keyed.",
    baseClass = "ConcurrentIndexMigration",
    rank = 215
)
public final class ForeignKeyWithoutIndex extends AlterTableRule {

  // Only existing tables: a new table's index may come later in the same file, which a statement-at-a-time
  // check cannot see, and an empty table costs nothing to scan until the index arrives.
  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    List<String> columns;
    if (action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.FOREIGN_KEY) {
      columns = action.constraint().columns();
    } else if (action.kind() == AlterAction.Kind.ADD_COLUMN && action.columnDefinition().references()
        && !action.columnDefinition().primaryKey() && !action.columnDefinition().unique()) {
      columns = List.of(action.column());
    } else {
      return;
    }
    if (columns.isEmpty() || context.schema().hasIndexLeadingWith(table, columns)) {
      return;
    }
    out.report(id(), action.first(), "No index on " + table + " (" + String.join(", ", columns) + ") is seen for"
        + " this foreign key: every delete or key update of a referenced row scans " + table);
  }
}
