package dev.flywayzdm.lint.internal.naming;

/** What Flyway makes of a file in a migration location. */
public enum FileKind {
  /** {@code V1__x.sql}: runs once, in version order. */
  VERSIONED,
  /** {@code B5__x.sql}: replaces the versioned migrations up to its version on an empty database only. */
  BASELINE,
  /** {@code R__x.sql}: runs after the versioned ones whenever its checksum changes. */
  REPEATABLE,
  /** A file Flyway never runs: another prefix, no separator, or a version Flyway cannot read. */
  NOT_A_MIGRATION
}
