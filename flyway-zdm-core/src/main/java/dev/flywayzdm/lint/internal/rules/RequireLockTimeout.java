package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** A lock-taking statement needs a lock_timeout so that waiting for the lock cannot block the table. */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-lock-timeout",
    severity = "warning",
    title = "A statement that takes a table lock runs with no lock_timeout in force",
    why = "A DDL statement waiting for its lock behind a long query makes every later query on the table"
          + " queue behind it: the table is blocked even though the DDL itself is fast.",
    fix = "Start the migration with SET LOCAL lock_timeout = '5s' (or enable the flyway-zdm callback, which"
          + " sets it and retries).",
    rank = 300
)
public final class RequireLockTimeout implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (context.file().lockTimeoutReported() || context.file().lockTimeoutInForce(context.transaction())) {
      return;
    }
    TableLock.of(context).filter(lock -> lock.existing() && lock.mode().blocksWrites()).ifPresent(lock -> {
      context.file().lockTimeoutReported(true);
      out.report(id(), s.first(), "No lock_timeout is set before this statement takes " + lock.mode().label()
          + " on " + (lock.object() == null ? "its table" : lock.object()) + ": while it waits, every query on"
          + " the table queues behind it");
    });
  }
}
