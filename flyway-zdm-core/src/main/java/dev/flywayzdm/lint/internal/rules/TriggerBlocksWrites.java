package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.TriggerDdl;

/** CREATE/DROP TRIGGER on a table in use takes SHARE ROW EXCLUSIVE, which blocks its writes. */
@AutoService(Rule.class)
@RuleInfo(
    id = "trigger-blocks-writes",
    severity = "warning",
    title = "CREATE or DROP TRIGGER blocks writes to a table that is in use",
    why = "CREATE TRIGGER and DROP TRIGGER take a SHARE ROW EXCLUSIVE lock on the table: every INSERT, UPDATE"
          + " and DELETE waits while the statement waits for the lock and holds it, and from commit on the"
          + " trigger also runs for the writes of the application version still deployed.",
    fix = "Run it in a migration of its own with a short lock_timeout and retries (the flyway-zdm callback"
          + " does that), and make the trigger function harmless for the old application version.",
    baseClass = "DualWriteExpandMigration",
    rank = 265
)
public final class TriggerBlocksWrites implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    TriggerDdl trigger = TriggerDdl.read(context.statement());
    // Dropping the dual-write trigger is what a declared contract step is for; its brief lock is
    // require-lock-timeout's concern there, not a design question.
    if (trigger == null || !context.existing(trigger.table()) || !trigger.create() && Destructive.allowed(context)) {
      return;
    }
    out.report(id(), context.statement().first(), (trigger.create() ? "CREATE" : "DROP") + " TRIGGER "
        + (trigger.trigger() == null ? "" : trigger.trigger() + " ") + "takes SHARE ROW EXCLUSIVE on existing"
        + " table " + trigger.table() + ": its writes wait until the lock is granted and released");
  }
}
