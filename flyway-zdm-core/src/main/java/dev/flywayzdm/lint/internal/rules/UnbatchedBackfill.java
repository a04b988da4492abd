package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.DataChange;

/** Backfills of existing tables belong in batches, in a migration without DDL. */
final class UnbatchedBackfill implements Rule {

  @Override
  public RuleId id() {
    return RuleId.UNBATCHED_BACKFILL;
  }

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
