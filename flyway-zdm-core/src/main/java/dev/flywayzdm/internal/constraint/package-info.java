/**
 * Constraints added to busy tables: NOT VALID then VALIDATE, the NOT NULL sequence, UNIQUE and
 * PRIMARY KEY USING INDEX, state read from the catalog so reruns continue. Not public API: users
 * write {@code dev.flywayzdm.migration.ValidatedConstraint}.
 */
package dev.flywayzdm.internal.constraint;
