package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** serial columns where an identity column does the same with fewer surprises. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-identity",
    severity = "advice",
    title = "A serial column where an identity column fits",
    why = "serial creates a separately owned sequence and a nextval default: permissions, dumps, COPY between"
          + " tables and changing the type later each need the sequence handled by hand, and explicit inserts"
          + " silently step past it. GENERATED ... AS IDENTITY ties the sequence to the column (PostgreSQL 10+).",
    fix = "Declare the column bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT when rows are inserted with"
          + " explicit ids).",
    rank = 345
)
public final class PreferIdentity implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.type().serial()) {
        out.report(id(), column.at(), "Column " + column.column() + " is " + column.type()
            + "; use bigint GENERATED ALWAYS AS IDENTITY instead");
      }
    }
  }
}
