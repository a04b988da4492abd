package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;

/** Reported by the engine itself, not per statement: this class carries only its descriptor. */
@AutoService(Rule.class)
@RuleInfo(
    id = "unused-suppression",
    severity = "warning",
    title = "A zdm:ignore directive suppresses nothing",
    why = "The finding it was written for is gone or never matched, and a stale ignore would hide a new one.",
    fix = "Remove the directive, or move it directly above the statement it is meant for."
)
public final class UnusedSuppression implements Rule {}
