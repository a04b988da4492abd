package dev.flywayzdm.lint.internal.engine;

/**
 * What the engine needs of the user's lint options, so the engine does not depend on the public
 * {@code LintOptions}: the public linter converts at its boundary.
 *
 * @param targetMajor the PostgreSQL major the migrations run on
 * @param contractSteps whether a file marked as a contract step may drop what its expand replaced
 */
public record EngineOptions(int targetMajor, boolean contractSteps) {

  /** The defaults of the public options: the oldest supported major, contract steps honoured. */
  public static final EngineOptions DEFAULTS = new EngineOptions(13, true);
}
