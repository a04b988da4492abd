/**
 * Flyway's naming of SQL migration files (prefixes, separator, suffixes, version order) and its
 * placeholder replacement, as the linter's callers configure them. Not public API.
 */
package dev.flywayzdm.lint.internal.naming;
