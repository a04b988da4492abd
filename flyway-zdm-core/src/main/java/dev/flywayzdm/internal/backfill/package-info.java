/**
 * The batched backfill engine behind {@link dev.flywayzdm.migration.BatchedBackfillMigration}:
 * keyset walk, checkpoint table, final pass. Not public API.
 */
package dev.flywayzdm.internal.backfill;
