/**
 * The Flyway callback ({@link dev.flywayzdm.callback.ZeroDowntimeCallback}): lock_timeout on every
 * migration, the expand -> contract soak gate ({@link dev.flywayzdm.callback.SoakGate}, reported as
 * {@link dev.flywayzdm.callback.ContractStatus}), the destructive-statement gate, and
 * {@link dev.flywayzdm.callback.ZeroDowntimeMigrate}, a {@code migrate()} that retries lock timeouts of
 * transactional migrations. For status reports: {@link dev.flywayzdm.callback.MigrationName} (how
 * flyway-zdm names a migration) and {@link dev.flywayzdm.callback.MigrationKind} (expand, contract,
 * backfill, ...).
 */
package dev.flywayzdm.callback;
