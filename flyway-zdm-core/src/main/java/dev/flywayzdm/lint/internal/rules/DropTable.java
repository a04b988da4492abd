package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** DROP TABLE of an existing table only in a declared contract step. */
@AutoService(Rule.class)
@RuleInfo(
    id = "drop-table",
    severity = "error",
    title = "Dropping a table outside a contract step breaks the application version that still uses it",
    why = "Queries of the running version fail and the data is gone for good.",
    fix = "Remove every use of the table from the application first, then drop it in a migration marked"
          + " -- zdm:contract expand=<version>.",
    baseClass = "DualWriteContractMigration",
    rank = 170
)
public final class DropTable implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("DROP", "TABLE") || Destructive.allowed(context)) {
      return;
    }
    int at = ObjectName.skipModifiers(s, 2);
    while (at < s.size()) {
      ObjectName table = ObjectName.at(s, at);
      if (table == null) {
        return;
      }
      if (context.existing(table.name())) {
        out.report(id(), s.first(), "Dropping table " + table.name() + " outside a contract step breaks the"
            + " application version that still uses it, and its data is gone");
        return;
      }
      at = table.next() + 1; // past the comma of DROP TABLE a, b
    }
  }
}
