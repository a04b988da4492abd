package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** DROP INDEX of an index on an existing table must be CONCURRENTLY. */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-concurrent-index-deletion",
    severity = "error",
    title = "DROP INDEX without CONCURRENTLY blocks reads and writes of the indexed table",
    why = "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. It is quick once granted,"
          + " but while it waits behind a long query every new query on the table queues behind it.",
    fix = "Use DROP INDEX CONCURRENTLY IF EXISTS in a migration of its own (it cannot run in a transaction).",
    baseClass = "ConcurrentIndexMigration",
    rank = 30
)
public final class RequireConcurrentIndexDeletion implements Rule {

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
    // The lock that hurts is on the table, so name it when an earlier migration shows which one it is.
    String table = context.schema().indexTable(index.name()).map(t -> "table " + t)
        .orElse("the table it indexes (not created in the migrations read)");
    out.report(id(), s.first(), "DROP INDEX " + index.name() + " without CONCURRENTLY takes an ACCESS EXCLUSIVE"
        + " lock on " + table + ": its reads and writes wait");
  }
}
