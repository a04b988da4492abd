/**
 * Small models of the statements the rules judge ({@code ALTER TABLE} and its actions, {@code CREATE
 * INDEX}, column types, data changes, lock modes), read from lexer tokens. Not public API.
 */
package dev.flywayzdm.lint.internal.sql;
