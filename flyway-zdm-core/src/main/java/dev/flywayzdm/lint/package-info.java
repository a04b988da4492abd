/**
 * The unsafe-migration linter: static checks of Flyway SQL migrations for PostgreSQL.
 *
 * <p>Entry points: {@link dev.flywayzdm.lint.Linter} (a set of migrations or a directory),
 * {@link dev.flywayzdm.lint.LintSession} (one migration at a time, in order, as the callback lints
 * before each migration), {@link dev.flywayzdm.lint.MigrationDirectives} (the {@code -- zdm:}
 * comments), and the writers {@link dev.flywayzdm.lint.JsonReport} and
 * {@link dev.flywayzdm.lint.SarifReport}. Rule ids ({@link dev.flywayzdm.lint.RuleId#id()}) are
 * stable public API. Everything under {@code dev.flywayzdm.lint.internal} may change at any time.
 */
package dev.flywayzdm.lint;
