/**
 * Dual-write expand/contract plumbing: the sync trigger's SQL, the idempotent expand (column,
 * function, trigger, compatibility view), the batched backfill and agreement check, and the
 * contract. Not public API: users write {@code dev.flywayzdm.migration.DualWrite}.
 */
package dev.flywayzdm.internal.dualwrite;
