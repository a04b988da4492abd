package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** timestamp columns without a time zone. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-timestamptz",
    severity = "advice",
    title = "timestamp without time zone loses the time zone; prefer timestamptz",
    why = "A plain timestamp stores wall-clock time, so values written from sessions with different TimeZone"
          + " settings cannot be compared; changing it to timestamptz later rewrites the table.",
    fix = "Use timestamptz (timestamp with time zone).",
    rank = 350
)
public final class PreferTimestamptz implements Rule {

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
