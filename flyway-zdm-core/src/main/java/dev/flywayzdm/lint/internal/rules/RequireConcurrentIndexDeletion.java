package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** DROP INDEX of an index on an existing table must be CONCURRENTLY. */
final class RequireConcurrentIndexDeletion implements Rule {

  @Override
  public RuleId id() {
    return RuleId.REQUIRE_CONCURRENT_INDEX_DELETION;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("DROP", "INDEX") || s.isWord(2, "CONCURRENTLY")) {
      return;
    }
    ObjectName index = ObjectName.at(s, ObjectName.skipModifiers(s, 2));
    if (index == null || context.schema().isNewIndex(index.name())) {
      return;
    }
    out.report(id(), s.first(), "DROP INDEX " + index.name()
        + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table: reads and writes wait");
  }
}
