package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** Transaction control in a migration Flyway already wraps in a transaction. */
@AutoService(Rule.class)
@RuleInfo(
    id = "transaction-nesting",
    severity = "warning",
    title = "BEGIN, COMMIT or ROLLBACK in a migration that Flyway already runs in a transaction",
    why = "Flyway wraps the file in its own transaction: a COMMIT commits part of the migration early, so a"
          + " later failure leaves the schema half migrated and the history without a row for it.",
    fix = "Remove the transaction statements; split the file if parts must commit separately.",
    rank = 280
)
public final class TransactionNesting implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (s.origin() != Statement.Origin.FILE) {
      return;
    }
    if (s.startsWith("BEGIN") || s.startsWith("START", "TRANSACTION")) {
      if (context.inTransaction()) {
        out.report(id(), s.first(), context.file().fileInTransaction()
            ? "BEGIN inside the transaction Flyway already opened for this migration"
            : "BEGIN while an explicit transaction is already open");
      }
    } else if ((s.startsWith("COMMIT") || s.startsWith("END") || s.startsWith("ROLLBACK") || s.startsWith("ABORT"))
        && context.file().fileInTransaction() && !s.containsWord("TO")) {
      out.report(id(), s.first(), s.first().upper() + " ends the transaction Flyway opened for this migration:"
          + " the statements before it stay applied even if a later one fails");
    }
  }
}
