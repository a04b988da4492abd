package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;

/** Reported by the engine itself, not per statement: this class carries only its descriptor. */
@AutoService(Rule.class)
@RuleInfo(
    id = "invalid-directive",
    severity = "error",
    title = "A zdm: directive comment is malformed",
    why = "A directive with an unknown rule id or without a reason would silently suppress nothing, or"
          + " suppress without saying why.",
    fix = "Write -- zdm:ignore <rule-id> <reason>, -- zdm:ignore-file <rule-id> <reason>,"
          + " -- zdm:contract expand=<version> [soak=<duration>] or -- zdm:allow destructive <reason>."
)
public final class InvalidDirective implements Rule {}
