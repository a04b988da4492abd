package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.engine.TableLock;
import dev.flywayzdm.lint.internal.lexer.Statement;

/** REINDEX without CONCURRENTLY blocks writes and every query that would use the index. */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-concurrent-reindex",
    severity = "error",
    title = "REINDEX without CONCURRENTLY blocks writes to the table and every query that uses the index",
    why = "A plain REINDEX locks the table against writes (SHARE) and takes an ACCESS EXCLUSIVE lock on each"
          + " index it rebuilds, so queries planning to use that index wait for the whole rebuild.",
    fix = "Use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a migration whose .sql.conf says"
          + " executeInTransaction=false.",
    rank = 40
)
public final class RequireConcurrentReindex implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("REINDEX") || s.containsWord("CONCURRENTLY")) {
      return;
    }
    boolean existing = TableLock.of(context).map(TableLock::existing).orElse(true);
    if (!existing) {
      return;
    }
    String fix = context.targetMajor() >= 12 ? null
        : "REINDEX CONCURRENTLY needs PostgreSQL 12; before that build a replacement index with CREATE INDEX"
            + " CONCURRENTLY and drop the old one with DROP INDEX CONCURRENTLY.";
    out.report(id(), s.first(), "REINDEX without CONCURRENTLY blocks writes to the table and locks the"
        + " rebuilt indexes (ACCESS EXCLUSIVE) for the whole rebuild", fix);
  }
}
