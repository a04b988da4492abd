package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** EXECUTE of computed SQL in a body cannot be checked: say so instead of passing it silently. */
@AutoService(Rule.class)
@RuleInfo(
    id = "dynamic-sql-unchecked",
    severity = "advice",
    title = "SQL built at run time by EXECUTE cannot be checked by the linter",
    why = "EXECUTE format(...), a concatenation or a variable produces its statement only when the body runs:"
          + " an index build, a rewrite or a lock hidden in it gets no finding, so a clean report says nothing"
          + " about it.",
    fix = "Write the statement out in the migration where it can be (EXECUTE of a constant string is checked),"
          + " or review the generated statements by hand and suppress this advice with the reason.",
    rank = 400
)
public final class DynamicSqlUnchecked implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    // A constant EXECUTE is read as SQL by the body reader and never arrives here as EXECUTE; a top-level
    // EXECUTE runs a prepared statement, which the file prepared in plain sight.
    if (!s.startsWith("EXECUTE") || s.origin() == Statement.Origin.FILE || s.origin() == Statement.Origin.DYNAMIC_SQL) {
      return;
    }
    String shown = s.size() > 1 ? s.get(1).text() + (s.size() > 2 ? " " + s.get(2).text() : "") : "";
    out.report(id(), s.first(), "EXECUTE " + shown + (s.size() > 3 ? " ..." : "") + " in a "
        + (s.origin() == Statement.Origin.DO_BLOCK ? "DO block" : "function body") + " builds its SQL at run"
        + " time: the linter cannot check it, so review that statement by hand");
  }
}
