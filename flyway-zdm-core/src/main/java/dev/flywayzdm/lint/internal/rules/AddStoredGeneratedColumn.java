package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** STORED generated columns added to an existing table rewrite it. */
final class AddStoredGeneratedColumn extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.ADD_STORED_GENERATED_COLUMN;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() == AlterAction.Kind.ADD_COLUMN && action.columnDefinition().storedGenerated()) {
      out.report(id(), action.first(), "ADD COLUMN " + action.column() + " GENERATED ... STORED computes every"
          + " existing row of " + table + ", rewriting it under an ACCESS EXCLUSIVE lock");
    }
  }
}
