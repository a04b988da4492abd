package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** Renaming an enum value breaks the running application, which still writes and compares the old label. */
@AutoService(Rule.class)
@RuleInfo(
    id = "rename-enum-value",
    severity = "error",
    title = "Renaming an enum value breaks the application version that is still running",
    why = "ALTER TYPE ... RENAME VALUE changes the label in place at commit: the running version's INSERTs with"
          + " the old label fail with invalid input value for enum, and its comparisons with it match nothing.",
    fix = "Add the new value (ADD VALUE, in a migration of its own), move the application and the rows to it,"
          + " and stop using the old value; PostgreSQL cannot drop an enum value, so leave it unused.",
    baseClass = "DualWriteExpandMigration",
    rank = 152
)
public final class RenameEnumValue implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("ALTER", "TYPE")) {
      return;
    }
    ObjectName type = ObjectName.at(s, 2);
    if (type == null || !s.matchesAt(type.next(), "RENAME", "VALUE")) {
      return;
    }
    int from = type.next() + 2;
    String label = from < s.size() && s.get(from).is(TokenKind.STRING) ? "'" + s.get(from).value() + "'" : "a value";
    out.report(id(), s.first(), "Renaming " + label + " of enum " + type.name() + " breaks the running version,"
        + " which still writes and compares the old label");
  }
}
