package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** ADD VALUE BEFORE/AFTER changes the sort order that comparisons and ORDER BY of the enum rely on. */
@AutoService(Rule.class)
@RuleInfo(
    id = "enum-value-ordering",
    severity = "advice",
    title = "ADD VALUE BEFORE or AFTER puts the new value between existing ones in the enum's sort order",
    why = "Enum values compare and sort in declaration order. A value placed between existing ones changes"
          + " what status >= 'x', ORDER BY status and MIN/MAX return for the running version, and such a value"
          + " gets a fractional sort position, so later values placed around it can slow comparisons.",
    fix = "Add the value at the end (plain ADD VALUE) unless the order is meant to change; when it is, check"
          + " every comparison and ORDER BY of the enum in the running version first.",
    rank = 245
)
public final class EnumValueOrdering implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("ALTER", "TYPE")) {
      return;
    }
    ObjectName type = ObjectName.at(s, 2);
    if (type == null || !s.matchesAt(type.next(), "ADD", "VALUE")) {
      return;
    }
    int before = s.indexOfWord("BEFORE", type.next() + 2);
    int at = before >= 0 ? before : s.indexOfWord("AFTER", type.next() + 2);
    if (at < 0) {
      return;
    }
    out.report(id(), s.get(at), "ADD VALUE ... " + s.get(at).upper() + " places the new value of enum "
        + type.name() + " between existing ones: comparisons and ORDER BY of the running version change");
  }
}
