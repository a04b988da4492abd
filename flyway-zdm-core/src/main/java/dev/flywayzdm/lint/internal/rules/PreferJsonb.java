package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** json columns, where jsonb is better. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-jsonb",
    severity = "advice",
    title = "json stores text and cannot be indexed or compared; prefer jsonb",
    why = "json keeps the raw text and re-parses it on every access, has no equality operator (DISTINCT and"
          + " UNION fail) and no GIN index support.",
    fix = "Use jsonb.",
    rank = 330
)
public final class PreferJsonb implements Rule {

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
