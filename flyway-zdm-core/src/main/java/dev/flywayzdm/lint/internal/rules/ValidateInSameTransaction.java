package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** VALIDATE CONSTRAINT belongs in a later transaction than the NOT VALID add. */
final class ValidateInSameTransaction extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.VALIDATE_IN_SAME_TRANSACTION;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.VALIDATE_CONSTRAINT || action.target() == null) {
      return;
    }
    boolean sameTransaction = context.inTransaction() && context.schema().addedNotValidIn(table, action.target())
        .filter(transaction -> transaction == context.transaction()).isPresent();
    if (sameTransaction) {
      out.report(id(), action.first(), "VALIDATE CONSTRAINT " + action.target() + " runs in the transaction that"
          + " added it NOT VALID: the scan runs while the ADD CONSTRAINT lock on " + table + " is still held");
    }
  }
}
