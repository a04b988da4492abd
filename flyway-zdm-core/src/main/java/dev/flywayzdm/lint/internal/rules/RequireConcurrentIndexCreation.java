package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.CreateIndex;

/** CREATE INDEX on an existing table must be CONCURRENTLY: a plain build holds SHARE for its whole run. */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-concurrent-index-creation",
    severity = "error",
    title = "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index is built",
    why = "A plain CREATE INDEX takes a SHARE lock: reads go on, but every INSERT, UPDATE and DELETE on the"
          + " table waits until the whole table has been scanned and sorted, minutes on a large table.",
    fix = "Use CREATE INDEX CONCURRENTLY in a migration of its own (Flyway then runs it outside a"
          + " transaction), or let ConcurrentIndexMigration build it and rebuild an invalid leftover.",
    baseClass = "ConcurrentIndexMigration",
    rank = 20
)
public final class RequireConcurrentIndexCreation implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    CreateIndex index = CreateIndex.read(context.statement());
    // ON ONLY is the partitioned-table idiom: the parent index is created invalid without a build (and a
    // partitioned table has no CONCURRENTLY form), so there is nothing to advise.
    if (index == null || index.concurrently() || index.only() || !context.existing(index.table())) {
      return;
    }
    out.report(id(), context.statement().first(), "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX"
        + (index.name() == null ? "" : " " + index.name()) + " on existing table " + index.table()
        + " without CONCURRENTLY blocks its writes (SHARE lock) until the index is built");
  }
}
