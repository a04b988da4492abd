package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** DROP DATABASE never belongs in a migration. */
@AutoService(Rule.class)
@RuleInfo(
    id = "ban-drop-database",
    severity = "error",
    title = "DROP DATABASE in a migration destroys everything",
    why = "A migration is replayed on every environment; a dropped database cannot be rolled back.",
    fix = "Drop databases by hand, never in a migration.",
    rank = 190
)
public final class BanDropDatabase implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (s.startsWith("DROP", "DATABASE")) {
      out.report(id(), s.first(), "DROP DATABASE in a migration destroys the database on every environment");
    }
  }
}
