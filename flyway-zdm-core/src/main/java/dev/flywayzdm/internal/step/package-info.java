/**
 * What every engine gets to run one step of a migration: its name, connection, settings, short
 * transactions with retry, side connections and the checkpoint table. The public base classes
 * build a {@link dev.flywayzdm.internal.step.StepContext}; nothing here reads the public packages.
 */
package dev.flywayzdm.internal.step;
