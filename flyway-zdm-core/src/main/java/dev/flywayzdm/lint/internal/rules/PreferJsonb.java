package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** json columns, where jsonb is better. */
final class PreferJsonb implements Rule {

  @Override
  public RuleId id() {
    return RuleId.PREFER_JSONB;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.type().base().equals("json")) {
        out.report(id(), column.at(), "Column " + column.column() + " is json; jsonb can be indexed and compared");
      }
    }
  }
}
