package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** char(n) columns. */
final class PreferTextOverChar implements Rule {

  @Override
  public RuleId id() {
    return RuleId.PREFER_TEXT_OVER_CHAR;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.type().base().equals("bpchar")) {
        out.report(id(), column.at(), "Column " + column.column() + " is " + column.type()
            + ", which pads with spaces; use text or varchar");
      }
    }
  }
}
