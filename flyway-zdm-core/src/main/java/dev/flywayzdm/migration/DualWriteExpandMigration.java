package dev.flywayzdm.migration;

import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.backfill.BackfillSpec;
import dev.flywayzdm.internal.backfill.throttle.ThrottledGate;
import dev.flywayzdm.internal.dualwrite.DualWriteInstaller;
import dev.flywayzdm.internal.dualwrite.DualWriteSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The expand step of a column rename or type change: adds the new column (nullable, no default: no
 * rewrite, no scan), installs a trigger that keeps old and new column in step in both directions,
 * so the old and the new application version can run side by side, and backfills the rows that
 * existed before, in batches with {@link BatchedBackfillMigration}'s engine (checkpointed in
 * {@code flyway_zdm_backfill}). Every step is idempotent: after a kill, run the migration again.
 *
 * <pre>{@code
 * public class V6__expand_users_display_name extends DualWriteExpandMigration {
 *   @Override
 *   protected DualWrite dualWrite() {
 *     return DualWrite.table("users").from("name").to("display_name");
 *   }
 * }
 * }</pre>
 *
 * How the trigger decides: on INSERT, when only one of the two columns is set, the other is filled
 * from it; on UPDATE, the column whose value changed is copied to the other, and when both changed
 * the new column wins (only the new version knows it). A default on the old column is not copied:
 * give the new column its own default in a later migration if the new version relies on it.
 *
 * <p>Pair it with a {@link DualWriteContractMigration} carrying {@code @Contract(expand = "6")} and
 * the same {@link DualWrite}, deployed once no old application version runs any more.
 */
public abstract class DualWriteExpandMigration extends ZeroDowntimeMigration {

  /** What to expand; return the same description as the contract migration. */
  protected abstract DualWrite dualWrite();

  /**
   * Whether this migration backfills the existing rows (default true). Return false to leave the
   * backfill to a separate migration (e.g. a huge table you want to backfill after the deploy);
   * the contract step refuses to run until every row agrees either way.
   */
  protected boolean backfill() {
    return true;
  }

  @Override
  final void checkDescription(String name) {
    DualWrite dualWrite = dualWrite();
    if (dualWrite == null) {
      throw new IllegalStateException(name + ": dualWrite() returned null");
    }
    dualWrite.spec();
  }

  @Override
  protected final void apply(MigrationRun run) throws Exception {
    DualWrite dualWrite = dualWrite();
    if (dualWrite == null) {
      throw new IllegalStateException(run.name() + ": dualWrite() returned null");
    }
    new DualWriteInstaller(run.step(), dualWrite.spec()).install();
    if (backfill()) {
      // The batched-update engine of BatchedBackfillMigration: it touches SET old = old and the
      // trigger fills the new column, checkpointed and resumable after a kill.
      DualWriteSpec spec = dualWrite.spec();
      try (ThrottledGate gate = ThrottledGate.forStep(run.step())) {
        new BackfillRunner(run.step(), gate)
            .run(run.connection(), new BackfillSpec(spec.table(), DualWriteInstaller.backfillSetClause(spec),
                DualWriteInstaller.backfillPredicate(spec), List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty()));
      }
    } else {
      run.info("backfill of {} left to a separate migration", dualWrite);
    }
  }
}
