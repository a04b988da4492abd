package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** STORED generated columns added to an existing table rewrite it. */
@AutoService(Rule.class)
@RuleInfo(
    id = "add-stored-generated-column",
    severity = "error",
    title = "Adding a STORED generated column rewrites the whole table under an ACCESS EXCLUSIVE lock",
    why = "The value is computed and stored for every existing row while all reads and writes wait.",
    fix = "Add a plain column, fill it with a trigger for new rows and a batched backfill for old ones.",
    baseClass = "BatchedBackfillMigration",
    rank = 210
)
public final class AddStoredGeneratedColumn extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_COLUMN && action.columnDefinition().storedGenerated()) {
      out.report(id(), action.first(), "ADD COLUMN " + action.column() + " GENERATED ... STORED computes every"
          + " existing row of " + table + ", rewriting it under an ACCESS EXCLUSIVE lock");
    }
  }
}
