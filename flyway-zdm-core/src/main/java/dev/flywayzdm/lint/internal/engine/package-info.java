/**
 * Runs the rules over one file at a time: statement context, the schema learnt from earlier
 * migrations of the run, Flyway's transaction mode, and the classification of destructive
 * statements the callback's gate shares. Not public API.
 */
package dev.flywayzdm.lint.internal.engine;
