package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.DataChange;

/** Backfills of existing tables belong in batches, in a migration without DDL. */
@AutoService(Rule.class)
@RuleInfo(
    id = "unbatched-backfill",
    severity = "warning",
    title = "UPDATE or DELETE of a whole existing table in one statement locks every row it touches",
    why = "One statement over a large table holds row locks on all of them until commit, bloats the table"
          + " and the WAL, and in the same transaction as DDL keeps that DDL's lock for the whole time.",
    fix = "Backfill in small batches with a commit after each, in a migration of its own.",
    baseClass = "BatchedBackfillMigration",
    rank = 250
)
public final class UnbatchedBackfill implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    DataChange change = DataChange.read(s);
    if (change == null || !context.existing(change.table())) {
      return;
    }
    if (!change.filtered()) {
      out.report(id(), s.first(), change.verb() + " of every row of existing table " + change.table()
          + " in one statement locks all of them until commit");
    } else if (context.file().hasDdlOnExistingTable() && !context.inRoutineBody()) {
      out.report(id(), s.first(), change.verb() + " of existing table " + change.table() + " shares its migration"
          + " with DDL: the rows and the DDL locks stay held until the whole migration commits");
    }
  }
}
