package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** ALTER TABLE ... SET ACCESS METHOD rewrites the table into the new access method. */
@AutoService(Rule.class)
@RuleInfo(
    id = "set-access-method-rewrite",
    severity = "error",
    title = "SET ACCESS METHOD rewrites the whole table under an ACCESS EXCLUSIVE lock",
    why = "Changing a table's access method (PostgreSQL 15+) copies every row into the new storage and rebuilds"
          + " the indexes while no query can read or write the table.",
    fix = "Create a new table with the wanted access method (CREATE TABLE ... USING) and move the data in"
          + " batches with a dual-write expand step, then switch over.",
    baseClass = "DualWriteExpandMigration",
    rank = 262
)
public final class SetAccessMethodRewrite extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.SET_ACCESS_METHOD) {
      out.report(id(), action.first(), "SET ACCESS METHOD " + (action.target() == null ? "" : action.target() + " ")
          + "rewrites existing table " + table + " and its indexes under an ACCESS EXCLUSIVE lock");
    }
  }
}
