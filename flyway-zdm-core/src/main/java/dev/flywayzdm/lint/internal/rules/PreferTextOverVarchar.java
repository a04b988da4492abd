package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** varchar(n) bakes a length limit into the table that later costs a lock to change. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-text-over-varchar",
    severity = "advice",
    title = "varchar(n) where text with a CHECK fits",
    why = "varchar(n) stores the same as text; the limit is the only difference. Raising it later is cheap, but"
          + " lowering it rewrites or scans the table under ACCESS EXCLUSIVE, and an over-long value fails the"
          + " running version's writes with no way to relax the limit without DDL.",
    fix = "Use text, and when a limit is a real rule add CHECK (char_length(col) <= n) NOT VALID and VALIDATE"
          + " it: a CHECK can be replaced without a rewrite.",
    rank = 342
)
public final class PreferTextOverVarchar implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.type().base().equals("varchar") && !column.type().modifiers().isEmpty()) {
        out.report(id(), column.at(), "Column " + column.column() + " is " + column.type()
            + "; use text (with a CHECK on char_length when the limit matters)");
      }
    }
  }
}
