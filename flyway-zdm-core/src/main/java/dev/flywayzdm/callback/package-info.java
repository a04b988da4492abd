/**
 * The Flyway callback ({@link dev.flywayzdm.callback.ZeroDowntimeCallback}): lock_timeout on every
 * migration, the expand -> contract soak gate ({@link dev.flywayzdm.callback.SoakGate}), the
 * destructive-statement gate, and {@link dev.flywayzdm.callback.ZeroDowntimeMigrate}, a
 * {@code migrate()} that retries lock timeouts of transactional migrations.
 */
package dev.flywayzdm.callback;
