/**
 * The linter's implementation, not public API: it may change in any release. Here: the session that
 * lints migrations in order and applies options and {@code zdm:} directives ({@link
 * dev.flywayzdm.lint.internal.LintSession}, {@link dev.flywayzdm.lint.internal.MigrationDirectives}) and
 * the report writers; the lexer, the statement models, the engine and the rules have a package each below
 * it. Nothing here imports the public {@code dev.flywayzdm.lint}: the public types convert at their boundary.
 */
package dev.flywayzdm.lint.internal;
