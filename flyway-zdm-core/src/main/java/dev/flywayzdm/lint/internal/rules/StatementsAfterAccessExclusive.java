package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** Each statement after an ACCESS EXCLUSIVE lock in the same transaction lengthens the outage. */
final class StatementsAfterAccessExclusive implements Rule {

  @Override
  public RuleId id() {
    return RuleId.STATEMENTS_AFTER_ACCESS_EXCLUSIVE;
  }

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
