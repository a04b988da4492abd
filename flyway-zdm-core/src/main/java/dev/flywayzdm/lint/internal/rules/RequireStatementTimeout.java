package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.DataChange;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** A statement that reads a whole existing table runs with no statement_timeout to bound it. */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-statement-timeout",
    severity = "advice",
    title = "A backfill or concurrent refresh of an existing table runs with no statement_timeout in force",
    why = "PostgreSQL's default statement_timeout is 0 (none): a targeted UPDATE or DELETE, or a concurrent refresh,"
          + " that meets a far larger table than expected, or waits on row locks, runs for hours with the"
          + " deployment stuck behind it, its locks held, and nothing that ends it.",
    fix = "Set statement_timeout for the migration, sized to the longest run you accept (SET LOCAL"
          + " statement_timeout = '15min' in a transaction, SET statement_timeout otherwise), or let the"
          + " flyway-zdm callback set it (flyway.zdm.statementTimeout) for transactional migrations.",
    rank = 305
)
public final class RequireStatementTimeout implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    if (context.inRoutineBody() || context.file().statementTimeoutReported()
        || context.file().statementTimeoutInForce(context.transaction())) {
      return;
    }
    String work = longWork(context);
    if (work != null) {
      context.file().statementTimeoutReported(true);
      out.report(id(), context.statement().first(), "No statement_timeout is set before this " + work
          + ": nothing ends it if it runs far longer than expected");
    }
  }

  /**
   * What long work the statement does on an existing table that no other rule already reports, or null.
   * A whole-table UPDATE/DELETE is unbatched-backfill's, a plain index build require-concurrent-index-creation's
   * and a plain refresh refresh-materialized-view-concurrently's: their fixes (BatchedBackfillMigration,
   * CONCURRENTLY) change the statement, so a second finding on it would only be noise.
   */
  private static String longWork(StatementContext context) {
    Statement s = context.statement();
    DataChange change = DataChange.read(s);
    if (change != null) {
      return change.filtered() && context.existing(change.table())
          ? change.verb() + " of " + change.table() : null;
    }
    if (s.startsWith("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY")) {
      ObjectName view = ObjectName.at(s, 4);
      return view != null && context.existing(view.name()) ? "refresh of " + view.name() : null;
    }
    // A concurrent index build is left alone: a timeout would leave an invalid index, and
    // ConcurrentIndexMigration bounds and retries it. VALIDATE CONSTRAINT too: under SHARE UPDATE EXCLUSIVE
    // it blocks no reads or writes, so the callback lets it run as long as it needs (README, statementTimeout).
    return null;
  }
}
