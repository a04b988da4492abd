package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** TRUNCATE of an existing table only in a declared contract step. */
@AutoService(Rule.class)
@RuleInfo(
    id = "truncate-table",
    severity = "error",
    title = "TRUNCATE outside a contract step deletes every row and blocks the table meanwhile",
    why = "TRUNCATE takes an ACCESS EXCLUSIVE lock and removes all data at once; with CASCADE it empties every"
          + " table that references this one too.",
    fix = "Delete obsolete rows in batches, or truncate only in a migration marked -- zdm:contract"
          + " expand=<version> (or -- zdm:allow destructive <reason>).",
    baseClass = "BatchedBackfillMigration",
    rank = 180
)
public final class TruncateTable implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("TRUNCATE") || Destructive.allowed(context)) {
      return;
    }
    ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, s.isWord(1, "TABLE") ? 2 : 1));
    if (table != null && context.existing(table.name())) {
      out.report(id(), s.first(), "TRUNCATE " + table.name() + (s.containsWord("CASCADE")
          ? " CASCADE empties it and every table referencing it" : " deletes every row")
          + " under an ACCESS EXCLUSIVE lock, outside a contract step");
    }
  }
}
