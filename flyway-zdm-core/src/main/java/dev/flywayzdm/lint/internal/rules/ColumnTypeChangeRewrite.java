package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import dev.flywayzdm.lint.internal.sql.TypeChange;
import java.util.Optional;

/** ALTER COLUMN TYPE must be one of the rewrite-free changes, proven from the declared old type. */
final class ColumnTypeChangeRewrite extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.COLUMN_TYPE_CHANGE_REWRITE;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.ALTER_COLUMN_TYPE || action.newType() == null) {
      return;
    }
    ColumnType to = action.newType();
    Optional<ColumnType> from = context.schema().columnType(table, action.column());
    String column = table + "." + action.column();
    if (action.hasUsing()) {
      out.report(id(), action.first(), "ALTER COLUMN " + column + " TYPE " + to + " USING ... rewrites the table"
          + " and its indexes under an ACCESS EXCLUSIVE lock");
    } else if (from.isPresent() && !TypeChange.rewriteFree(from.get(), to)) {
      out.report(id(), action.first(), "Changing " + column + " from " + from.get() + " to " + to
          + " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock");
    } else if (from.isEmpty()) {
      out.report(id(), action.first(), "Changing " + column + " to " + to + " rewrites the table under an ACCESS"
          + " EXCLUSIVE lock" + (TypeChange.possiblyRewriteFree(to)
              ? " unless the old type is binary-compatible (its declaration is not in these migrations)"
              : ""));
    }
  }
}
