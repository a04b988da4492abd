package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** Each statement after an ACCESS EXCLUSIVE lock in the same transaction lengthens the outage. */
@AutoService(Rule.class)
@RuleInfo(
    id = "statements-after-access-exclusive",
    severity = "warning",
    title = "More statements run while this transaction holds an ACCESS EXCLUSIVE lock",
    why = "An ACCESS EXCLUSIVE lock is held until commit; every statement after it in the same transaction"
          + " extends the time during which nobody can read or write that table.",
    fix = "Put the statement that takes ACCESS EXCLUSIVE last in its migration, or in a migration of its own.",
    rank = 290
)
public final class StatementsAfterAccessExclusive implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!context.inTransaction() || context.file().accessExclusiveReported() || harmless(s)) {
      return;
    }
    String table = context.file().accessExclusiveTable(context.transaction());
    if (table != null) {
      context.file().accessExclusiveReported(true);
      out.report(id(), s.first(), "This statement runs while the transaction still holds an ACCESS EXCLUSIVE lock"
          + " on " + table + ": nobody can read or write it until the migration commits");
    }
  }

  /** Statements that take no time of their own. */
  private static boolean harmless(Statement s) {
    return s.startsWith("SET") || s.startsWith("RESET") || s.startsWith("COMMIT") || s.startsWith("END")
        || s.startsWith("ROLLBACK") || s.startsWith("COMMENT") || s.startsWith("GRANT") || s.startsWith("REVOKE")
        || s.startsWith("SELECT") && s.containsWord("SET_CONFIG");
  }
}
