package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** Renaming a schema breaks every qualified name and search_path of the running application. */
@AutoService(Rule.class)
@RuleInfo(
    id = "rename-schema",
    severity = "error",
    title = "Renaming a schema breaks the application version that is still running",
    why = "Every query of the running version that names the schema, and every search_path that lists it,"
          + " stops finding its tables at commit; the rename also waits for a lock on the schema behind every"
          + " open transaction that uses it.",
    fix = "Create the new schema and move the objects one by one behind views or synonyms in the old one, or"
          + " keep the schema name and change only the application's configuration.",
    rank = 154
)
public final class RenameSchema implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("ALTER", "SCHEMA")) {
      return;
    }
    ObjectName schema = ObjectName.at(s, 2);
    if (schema == null || !s.matchesAt(schema.next(), "RENAME", "TO")) {
      return;
    }
    ObjectName target = ObjectName.at(s, schema.next() + 2);
    out.report(id(), s.first(), "Renaming schema " + schema.name() + (target == null ? "" : " to " + target.name())
        + " breaks every query and search_path of the running version that names it");
  }
}
