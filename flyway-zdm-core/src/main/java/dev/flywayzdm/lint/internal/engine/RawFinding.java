package dev.flywayzdm.lint.internal.engine;

/**
 * A finding before options and suppressions are applied.
 *
 * @param rule the id of the rule reporting it
 * @param anchor index of the top-level statement it belongs to (zdm:ignore targets that statement);
 *     -1 for findings about the file itself
 * @param fix a fix specific to this finding, or null for the rule's own
 * @param subject the statement kind and table it concerns, e.g. {@code UPDATE orders}, so that a flood of
 *     alike findings in one file can be told as one; null when the statement names no table
 */
public record RawFinding(String rule, int line, int column, String message, String fix, int anchor,
    StatementSubject subject) {

  /** The same finding with another message. */
  public RawFinding withMessage(String text) {
    return new RawFinding(rule, line, column, text, fix, anchor, subject);
  }
}
