package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view. */
@AutoService(Rule.class)
@RuleInfo(
    id = "refresh-materialized-view-concurrently",
    severity = "warning",
    title = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view until it is rebuilt",
    why = "A plain refresh takes an ACCESS EXCLUSIVE lock on the materialized view and holds it while the whole"
          + " query runs again, so every SELECT of the view waits for the full rebuild.",
    fix = "Give the view a unique index (once) and use REFRESH MATERIALIZED VIEW CONCURRENTLY, which takes"
          + " only an EXCLUSIVE lock and lets reads go on.",
    rank = 275
)
public final class RefreshMaterializedViewConcurrently implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    // WITH NO DATA empties the view and has no concurrent form: that is a different decision, not this one.
    if (!s.startsWith("REFRESH", "MATERIALIZED", "VIEW") || s.isWord(3, "CONCURRENTLY")
        || s.matchesAt(s.size() - 3, "WITH", "NO", "DATA")) {
      return;
    }
    ObjectName view = ObjectName.at(s, 3);
    if (view == null || !context.existing(view.name())) {
      return;
    }
    out.report(id(), s.first(), "REFRESH MATERIALIZED VIEW " + view.name() + " without CONCURRENTLY takes an"
        + " ACCESS EXCLUSIVE lock on it: every read of " + view.name() + " waits for the whole rebuild");
  }
}
