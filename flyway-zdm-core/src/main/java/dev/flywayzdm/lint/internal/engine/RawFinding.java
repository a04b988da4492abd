package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.RuleId;

/**
 * A finding before options and suppressions are applied.
 *
 * @param anchor index of the top-level statement it belongs to (zdm:ignore targets that statement);
 *     -1 for findings about the file itself
 * @param fix a fix specific to this finding, or null for the rule's own
 */
public record RawFinding(RuleId rule, int line, int column, String message, String fix, int anchor) {}
