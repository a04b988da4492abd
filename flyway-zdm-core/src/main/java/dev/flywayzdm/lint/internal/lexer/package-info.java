/**
 * Splits PostgreSQL SQL text into tokens, comments and top-level statements without a database,
 * knowing every construct that can hide a semicolon (comments, strings, quoted identifiers,
 * dollar-quoted bodies, Flyway placeholders). Used by the linter, the {@code zdm:} directive parser
 * and the callback's destructive-statement gate. Not public API.
 */
package dev.flywayzdm.lint.internal.lexer;
