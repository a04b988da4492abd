package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.Volatility;

/** ADD COLUMN with a default computed per row rewrites the table. */
@AutoService(Rule.class)
@RuleInfo(
    id = "volatile-column-default",
    severity = "error",
    title = "ADD COLUMN with this default rewrites the whole table under an ACCESS EXCLUSIVE lock",
    why = "PostgreSQL 11+ stores a constant or stable default once in the catalog. A volatile default such as"
          + " gen_random_uuid(), clock_timestamp(), random() or nextval() must be computed per row, so the"
          + " table and its indexes are rewritten while reads and writes wait; before 11 any default did.",
    fix = "Add the column without a default (or with a constant one), set the default for new rows with"
          + " ALTER COLUMN ... SET DEFAULT, and fill existing rows in batches.",
    baseClass = "BatchedBackfillMigration",
    rank = 90
)
public final class VolatileColumnDefault extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.ADD_COLUMN || !action.columnDefinition().hasDefault()) {
      return;
    }
    if (context.targetMajor() < 11) {
      out.report(id(), action.first(), "ADD COLUMN " + action.column() + " with a default rewrites existing table "
          + table + " before PostgreSQL 11, under an ACCESS EXCLUSIVE lock");
      return;
    }
    Volatility.volatileCall(action.columnDefinition().defaultExpression()).ifPresent(call ->
        out.report(id(), action.first(), "ADD COLUMN " + action.column() + " with volatile default " + call
            + " rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock"));
  }
}
