package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;

/** Reported by the engine itself, not per statement: this class carries only its descriptor. */
@AutoService(Rule.class)
@RuleInfo(
    id = "syntax-error",
    severity = "error",
    title = "The file cannot be read as SQL",
    why = "An unterminated string, quoted identifier, dollar-quoted body or comment swallows the rest of the"
          + " file, so PostgreSQL would reject it and nothing after it was checked.",
    fix = "Close the string, identifier, dollar quote or comment that starts at the reported place."
)
public final class SyntaxError implements Rule {}
