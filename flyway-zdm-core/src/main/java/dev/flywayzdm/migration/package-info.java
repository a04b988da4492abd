/**
 * Base classes users extend in their {@code db/migration} package: every one runs outside
 * Flyway's transaction, commits in short steps with lock_timeout and retries, and can be rerun
 * after a failure. Start from {@link dev.flywayzdm.migration.ConcurrentIndexMigration},
 * {@link dev.flywayzdm.migration.BatchedBackfillMigration}, or
 * {@link dev.flywayzdm.migration.ZeroDowntimeMigration} for a migration of your own.
 */
package dev.flywayzdm.migration;
