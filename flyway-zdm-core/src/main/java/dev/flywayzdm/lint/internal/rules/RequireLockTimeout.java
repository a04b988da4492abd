package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** A lock-taking statement needs a lock_timeout so that waiting for the lock cannot block the table. */
final class RequireLockTimeout implements Rule {

  @Override
  public RuleId id() {
    return RuleId.REQUIRE_LOCK_TIMEOUT;
  }

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
