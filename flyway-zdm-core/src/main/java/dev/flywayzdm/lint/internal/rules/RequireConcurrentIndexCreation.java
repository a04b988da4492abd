package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.CreateIndex;

/** CREATE INDEX on an existing table must be CONCURRENTLY: a plain build holds SHARE for its whole run. */
final class RequireConcurrentIndexCreation implements Rule {

  @Override
  public RuleId id() {
    return RuleId.REQUIRE_CONCURRENT_INDEX_CREATION;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    CreateIndex index = CreateIndex.read(context.statement());
    if (index == null || index.concurrently() || !context.existing(index.table())) {
      return;
    }
    out.report(id(), context.statement().first(), "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX"
        + (index.name() == null ? "" : " " + index.name()) + " on existing table " + index.table()
        + " without CONCURRENTLY blocks its writes (SHARE lock) until the index is built");
  }
}
