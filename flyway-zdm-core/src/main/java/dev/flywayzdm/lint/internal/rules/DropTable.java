package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** DROP TABLE of an existing table only in a declared contract step. */
final class DropTable implements Rule {

  @Override
  public RuleId id() {
    return RuleId.DROP_TABLE;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("DROP", "TABLE") || Destructive.allowed(context)) {
      return;
    }
    int at = ObjectName.skipModifiers(s, 2);
    while (at < s.size()) {
      ObjectName table = ObjectName.at(s, at);
      if (table == null) {
        return;
      }
      if (context.existing(table.name())) {
        out.report(id(), s.first(), "Dropping table " + table.name() + " outside a contract step breaks the"
            + " application version that still uses it, and its data is gone");
        return;
      }
      at = table.next() + 1; // past the comma of DROP TABLE a, b
    }
  }
}
