/**
 * SQL text handling for the callback's statement checks: a small lexer that is not fooled by
 * comments, literals or quoted identifiers. Not public API.
 */
package dev.flywayzdm.internal.sql;
