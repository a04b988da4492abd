package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Changing a table between LOGGED and UNLOGGED rewrites it. */
@AutoService(Rule.class)
@RuleInfo(
    id = "set-logged-unlogged",
    severity = "error",
    title = "SET LOGGED / SET UNLOGGED rewrites the whole table under an ACCESS EXCLUSIVE lock",
    why = "Changing persistence copies the table (and writes all of it to the WAL for SET LOGGED) while no"
          + " query can read or write it.",
    fix = "Create a new table with the wanted persistence and move the data in batches.",
    rank = 260
)
public final class SetLoggedUnlogged extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.SET_LOGGED || action.kind() == AlterAction.Kind.SET_UNLOGGED) {
      out.report(id(), action.first(), (action.kind() == AlterAction.Kind.SET_LOGGED ? "SET LOGGED" : "SET UNLOGGED")
          + " rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock");
    }
  }
}
