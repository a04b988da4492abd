package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;

/** SET NOT NULL on an existing table needs a validated not-null CHECK first (PostgreSQL 12+ then skips the scan). */
@AutoService(Rule.class)
@RuleInfo(
    id = "set-not-null-without-check",
    severity = "error",
    title = "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
    why = "ALTER COLUMN ... SET NOT NULL must prove no row holds NULL. Without a validated CHECK (col IS NOT"
          + " NULL) constraint it reads the whole table while holding ACCESS EXCLUSIVE: all reads and"
          + " writes wait.",
    fix = "On PostgreSQL 12+: ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c in a"
          + " later migration; then SET NOT NULL (uses the check, no scan) and DROP CONSTRAINT c.",
    baseClass = "ValidatedConstraintMigration",
    rank = 80
)
public final class SetNotNullWithoutCheck extends AlterTableRule {

  @Override
  void check(StatementContext context, String table, AlterAction action, Reporter out) {
    boolean setNotNull = action.kind() == AlterAction.Kind.SET_NOT_NULL;
    boolean addNotNull = action.kind() == AlterAction.Kind.ADD_CONSTRAINT
        && action.constraint().kind() == ConstraintDefinition.Kind.NOT_NULL && !action.constraint().notValid();
    if (!setNotNull && !addNotNull || action.column() == null) {
      return;
    }
    int major = context.targetMajor();
    if (major >= 12 && context.schema().hasValidatedNotNullCheck(table, action.column())) {
      return;
    }
    String fix = null;
    if (major < 12) {
      fix = "Before PostgreSQL 12 SET NOT NULL always scans: keep a CHECK (" + action.column() + " IS NOT NULL)"
          + " constraint added NOT VALID and validated later instead of the NOT NULL attribute.";
    } else if (major >= 18) {
      fix = "On PostgreSQL 18: ADD CONSTRAINT c NOT NULL " + action.column() + " NOT VALID, then VALIDATE"
          + " CONSTRAINT c in a later migration; or the CHECK (" + action.column() + " IS NOT NULL) NOT VALID ->"
          + " VALIDATE -> SET NOT NULL path.";
    }
    out.report(id(), action.first(), (setNotNull ? "SET NOT NULL on " : "NOT NULL constraint on ") + table + "."
        + action.column() + " scans the whole table under an ACCESS EXCLUSIVE lock"
        + (major >= 12 ? ": no validated CHECK (" + action.column() + " IS NOT NULL) precedes it" : ""), fix);
  }
}
