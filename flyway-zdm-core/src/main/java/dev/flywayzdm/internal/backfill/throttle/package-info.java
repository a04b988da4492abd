/**
 * What holds a running backfill between its batches: the replica lag of streaming standbys, an
 * operator's commands in {@code flyway_zdm_backfill_control}, and the user's throttle query, composed
 * into one {@link dev.flywayzdm.internal.backfill.BatchGate}. Not public API.
 */
package dev.flywayzdm.internal.backfill.throttle;
