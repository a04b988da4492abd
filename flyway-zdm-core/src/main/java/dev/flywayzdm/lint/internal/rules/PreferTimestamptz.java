package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** timestamp columns without a time zone. */
final class PreferTimestamptz implements Rule {

  @Override
  public RuleId id() {
    return RuleId.PREFER_TIMESTAMPTZ;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.type().base().equals("timestamp")) {
        out.report(id(), column.at(), "Column " + column.column()
            + " is timestamp without time zone; use timestamptz");
      }
    }
  }
}
