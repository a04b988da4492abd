package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** VALIDATE CONSTRAINT belongs in a later transaction than the NOT VALID add. */
@AutoService(Rule.class)
@RuleInfo(
    id = "validate-in-same-transaction",
    severity = "error",
    title = "VALIDATE CONSTRAINT runs in the same transaction that added the constraint NOT VALID",
    why = "The ADD CONSTRAINT lock (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for FOREIGN KEY) is held"
          + " until the transaction ends, so the validation scan runs under it: NOT VALID gained nothing.",
    fix = "Move VALIDATE CONSTRAINT to a later migration, or commit in between.",
    baseClass = "ValidatedConstraintMigration",
    rank = 70
)
public final class ValidateInSameTransaction extends AlterTableRule {

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
