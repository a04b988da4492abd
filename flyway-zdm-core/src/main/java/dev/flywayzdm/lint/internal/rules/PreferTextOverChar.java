package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** char(n) columns. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-text-over-char",
    severity = "advice",
    title = "char(n) pads values with spaces; prefer text or varchar",
    why = "char(n) blank-pads, compares ignoring trailing spaces and is no faster than text; changing its"
          + " length later rewrites the table.",
    fix = "Use text (with a CHECK on length if needed) or varchar.",
    rank = 340
)
public final class PreferTextOverChar implements Rule {

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
