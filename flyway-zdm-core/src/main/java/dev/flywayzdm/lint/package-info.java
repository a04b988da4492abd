/**
 * The unsafe-migration linter: static checks of Flyway SQL migrations for PostgreSQL.
 *
 * <p>Entry point: {@link dev.flywayzdm.lint.Linter} (a set of migrations, a directory, or one migration
 * at a time through {@link dev.flywayzdm.lint.Linter.Session}, as the callback lints before each
 * migration), judging with {@link dev.flywayzdm.lint.LintOptions}. Results: a
 * {@link dev.flywayzdm.lint.LintReport} of {@link dev.flywayzdm.lint.Finding}s, rendered as text,
 * JSON ({@link dev.flywayzdm.lint.LintReport#toJson()}) or SARIF
 * ({@link dev.flywayzdm.lint.LintReport#toSarif()}). Rule ids ({@link dev.flywayzdm.lint.Finding#ruleId()},
 * listed in {@code docs/lint-rules.md}) are stable public API. Everything under
 * {@code dev.flywayzdm.lint.internal} may change at any time.
 */
package dev.flywayzdm.lint;
