package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** Changing a table between LOGGED and UNLOGGED rewrites it. */
final class SetLoggedUnlogged extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.SET_LOGGED_UNLOGGED;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.SET_LOGGED || action.kind() == AlterAction.Kind.SET_UNLOGGED) {
      out.report(id(), action.first(), (action.kind() == AlterAction.Kind.SET_LOGGED ? "SET LOGGED" : "SET UNLOGGED")
          + " rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock");
    }
  }
}
