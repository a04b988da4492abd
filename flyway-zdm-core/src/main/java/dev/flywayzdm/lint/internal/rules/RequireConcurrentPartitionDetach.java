package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** DETACH PARTITION should be CONCURRENTLY (PostgreSQL 14+). */
final class RequireConcurrentPartitionDetach extends AlterTableRule {

  @Override
  public RuleId id() {
    return RuleId.REQUIRE_CONCURRENT_PARTITION_DETACH;
  }

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.DETACH_PARTITION || action.concurrently()) {
      return;
    }
    String fix = context.targetMajor() >= 14 ? null
        : "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14; before that detach in a quiet period with a short"
            + " lock_timeout and retries.";
    out.report(id(), action.first(), "DETACH PARTITION " + action.target() + " without CONCURRENTLY takes an"
        + " ACCESS EXCLUSIVE lock on partitioned table " + table, fix);
  }
}
