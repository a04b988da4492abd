package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** DROP DATABASE never belongs in a migration. */
final class BanDropDatabase implements Rule {

  @Override
  public RuleId id() {
    return RuleId.BAN_DROP_DATABASE;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (s.startsWith("DROP", "DATABASE")) {
      out.report(id(), s.first(), "DROP DATABASE in a migration destroys the database on every environment");
    }
  }
}
