package dev.flywayzdm.migration;

import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.backfill.BackfillSpec;
import dev.flywayzdm.internal.backfill.throttle.ThrottledGate;
import dev.flywayzdm.internal.step.StepContext;

/**
 * Updates every row of a large table that still needs it, in small batches, without locking the
 * table and without holding row locks for longer than one short batch:
 *
 * <pre>{@code
 * package db.migration;
 *
 * public class V5__backfill_display_name extends BatchedBackfillMigration {
 *   @Override
 *   protected Backfill backfill() {
 *     return Backfill.table("users").set("display_name = name").where("display_name IS NULL");
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Walks the primary key (any orderable type, composite keys too; or a unique NOT NULL key
 *       named with {@link Backfill#key}) in ranges of keys: no OFFSET, no rescans, total work linear
 *       in the table size, memory flat. The range grows or shrinks so that a batch takes about
 *       100 ms (or {@link Backfill#targetBatchDuration}); {@link Backfill#batchSize} alone fixes it.</li>
 *   <li>Each batch is one transaction with {@code SET LOCAL lock_timeout} and
 *       {@code statement_timeout} (the project's, or 30 s when it sets none); a batch waits at
 *       most 50 ms for a row the application holds, then skips the rows held
 *       ({@code SKIP LOCKED}); the final pass catches them.</li>
 *   <li>Resumable: the position is checkpointed in {@code flyway_zdm_backfill} (beside Flyway's
 *       history table) in the same transaction as each batch; a killed run continues where it
 *       stopped, and no row is updated twice. Read progress there with SQL.</li>
 *   <li>Progress (rows, keys walked of the estimate, rows/s, ETA, batch size, time held by
 *       throttles) is logged every few seconds; the checkpoint row shows {@code total_estimate},
 *       {@code rows_per_second} and {@code eta}.</li>
 *   <li>A final pass updates rows that match again (written behind the walk by an older
 *       application version, or held by the application during the walk: the final pass waits for
 *       them). It is batched like the walk: over a plain table (PostgreSQL 14+) each batch reads
 *       a range of heap pages (TID Range Scan, sized to the target duration), over a partitioned
 *       table at most 10 x the batch size of keys; each updates at most one batch of rows, so no
 *       statement holds a snapshot over the whole table. Passes repeat (at most 3) until one finds nothing; otherwise the migration reports
 *       how many rows still match.</li>
 *   <li>Before each batch it waits, bounded by {@code flyway.zdm.backfillMaxWait}, while a standby
 *       lags ({@code maxReplicaLag}, {@code maxReplicaLagBytes}), the {@code backfillThrottleQuery}
 *       returns true, or an operator paused it in {@code flyway_zdm_backfill_control}, where batch
 *       size, pause and abort can be changed with SQL while it runs (see the README).</li>
 * </ul>
 *
 * Works with Flyway's default lock settings.
 */
public abstract class BatchedBackfillMigration extends ZeroDowntimeMigration {

  /** The library's checkpoint table. */
  public static final String CHECKPOINT_TABLE = StepContext.CHECKPOINT_TABLE;

  /** What to update; called before the run starts (to check it) and once when it runs. */
  protected abstract Backfill backfill();

  @Override
  final void checkDescription(String name) {
    Backfill backfill = backfill();
    if (backfill == null) {
      throw new IllegalStateException(name + ": backfill() returned null");
    }
    backfill.spec(name);
  }

  @Override
  protected final void apply(MigrationRun run) throws Exception {
    Backfill backfill = backfill();
    if (backfill == null) {
      throw new IllegalStateException(run.name() + ": backfill() returned null");
    }
    BackfillSpec spec = backfill.spec(run.name());
    try (ThrottledGate gate = ThrottledGate.forStep(run.step())) {
      new BackfillRunner(run.step(), gate).run(run.connection(), spec);
    }
  }
}
