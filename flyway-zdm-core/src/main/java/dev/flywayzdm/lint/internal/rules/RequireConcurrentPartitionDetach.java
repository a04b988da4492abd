package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** DETACH PARTITION should be CONCURRENTLY (PostgreSQL 14+). */
@AutoService(Rule.class)
@RuleInfo(
    id = "require-concurrent-partition-detach",
    severity = "error",
    title = "DETACH PARTITION without CONCURRENTLY blocks reads and writes of the partitioned table",
    why = "A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the parent table, so every query on any partition"
          + " through the parent waits.",
    fix = "On PostgreSQL 14+ use DETACH PARTITION ... CONCURRENTLY (SHARE UPDATE EXCLUSIVE) in a migration"
          + " whose .sql.conf says executeInTransaction=false.",
    rank = 230
)
public final class RequireConcurrentPartitionDetach extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    if (action.kind() != AlterAction.Kind.DETACH_PARTITION || action.concurrently() || action.finalizesDetach()) {
      return;
    }
    String fix = context.targetMajor() >= 14 ? null
        : "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14; before that detach in a quiet period with a short"
            + " lock_timeout and retries.";
    out.report(id(), action.first(), "DETACH PARTITION " + action.target() + " without CONCURRENTLY takes an"
        + " ACCESS EXCLUSIVE lock on partitioned table " + table, fix);
  }
}
