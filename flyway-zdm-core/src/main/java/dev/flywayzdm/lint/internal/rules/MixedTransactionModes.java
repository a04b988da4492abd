package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;

/** Reported by the engine itself, not per statement: this class carries only its descriptor. */
@AutoService(Rule.class)
@RuleInfo(
    id = "mixed-transaction-modes",
    severity = "error",
    title = "The file mixes statements that must run outside a transaction with ordinary ones",
    why = "Flyway refuses such a file unless flyway.mixed=true, and with mixed=true it runs every statement in"
          + " autocommit: a failure halfway leaves the schema half migrated and the SET LOCAL settings"
          + " (like lock_timeout) without effect.",
    fix = "Split the file: one migration for the non-transactional statement, one for the rest."
)
public final class MixedTransactionModes implements Rule {}
