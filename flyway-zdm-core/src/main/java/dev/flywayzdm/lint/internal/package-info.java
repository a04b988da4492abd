/**
 * The linter's implementation, not public API: it may change in any release. Only what the report
 * writers share lives here ({@link dev.flywayzdm.lint.internal.JsonText}); the lexer, the statement
 * models, the engine and the rules have a package each below it.
 */
package dev.flywayzdm.lint.internal;
