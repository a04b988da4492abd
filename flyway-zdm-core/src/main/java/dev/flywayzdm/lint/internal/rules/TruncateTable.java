package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** TRUNCATE of an existing table only in a declared contract step. */
final class TruncateTable implements Rule {

  @Override
  public RuleId id() {
    return RuleId.TRUNCATE_TABLE;
  }

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
