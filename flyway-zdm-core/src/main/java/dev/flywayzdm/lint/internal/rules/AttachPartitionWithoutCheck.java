package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** ATTACH PARTITION of a table with rows scans it under a strong lock unless a CHECK proves the bounds. */
@AutoService(Rule.class)
@RuleInfo(
    id = "attach-partition-without-check",
    severity = "warning",
    title = "ATTACH PARTITION scans the attached table under an ACCESS EXCLUSIVE lock",
    why = "ATTACH PARTITION takes only SHARE UPDATE EXCLUSIVE on the partitioned table, but ACCESS EXCLUSIVE on"
          + " the table being attached, and reads all of it to prove every row fits the partition bounds"
          + " (a DEFAULT partition is scanned too). A validated CHECK constraint that implies the bounds lets"
          + " PostgreSQL skip the scan.",
    fix = "First ADD CONSTRAINT ... CHECK (the bounds) NOT VALID on the table, VALIDATE CONSTRAINT it in a"
          + " later transaction, then ATTACH PARTITION and drop the now redundant CHECK.",
    baseClass = "ValidatedConstraintMigration",
    rank = 235
)
public final class AttachPartitionWithoutCheck implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    if (context.alterTable() == null) {
      return;
    }
    for (AlterAction action : context.alterTable().actions()) {
      String partition = action.target();
      // The lock and scan are on the attached table, whatever the parent: only its own history matters.
      if (action.kind() != AlterAction.Kind.ATTACH_PARTITION || !context.existing(partition)
          || context.schema().hasValidatedCheck(partition)) {
        continue;
      }
      out.report(id(), action.first(), "ATTACH PARTITION " + partition + " to " + context.alterTable().table()
          + " scans " + partition + " under an ACCESS EXCLUSIVE lock: no validated CHECK constraint on it is"
          + " seen that would prove its rows fit the bounds");
    }
  }
}
