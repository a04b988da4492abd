package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import dev.flywayzdm.lint.internal.sql.TypeChange;
import java.util.Optional;

/** ALTER COLUMN TYPE must be one of the rewrite-free changes, proven from the declared old type. */
@AutoService(Rule.class)
@RuleInfo(
    id = "column-type-change-rewrite",
    severity = "error",
    title = "ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
    why = "Unless the new type is binary-compatible with the old one, every row and every index on the table is"
          + " rewritten while all reads and writes wait; the running application may also fail on the new"
          + " type. Changes without a rewrite: varchar(n) -> text or varchar, varchar(n) -> varchar(m > n),"
          + " numeric(p,s) -> numeric(q > p,s), cidr -> inet, timestamp(p) -> timestamp(q > p).",
    fix = "Add a new column of the new type, write both from the application or a trigger, backfill in"
          + " batches, switch reads, then drop the old column in a contract step.",
    baseClass = "DualWriteExpandMigration",
    rank = 110
)
public final class ColumnTypeChangeRewrite extends AlterTableRule {

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
