package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;

/** A rule about single ALTER TABLE actions on a table that existed before this run. */
abstract class AlterTableRule implements Rule {

  @Override
  public final void check(StatementContext context, Reporter out) {
    AlterTable alter = context.alterTable();
    if (alter == null || !context.existing(alter.table())) {
      return;
    }
    for (AlterAction action : alter.actions()) {
      check(context, alter.table(), action, out);
    }
  }

  abstract void check(StatementContext context, String table, AlterAction action, Reporter out);
}
