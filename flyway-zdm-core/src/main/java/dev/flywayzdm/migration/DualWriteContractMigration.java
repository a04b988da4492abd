package dev.flywayzdm.migration;

import dev.flywayzdm.internal.dualwrite.DualWriteRemover;

/**
 * The contract step of a column rename or type change: checks in batches that the new column
 * agrees with the converted old one on every row, and refuses with the count and a few keys if
 * not; then drops the dual-write trigger, its function, the compatibility view if any, and the old
 * column together in one short transaction under lock_timeout with retry (never the trigger alone:
 * a write in between would leave the old column empty). Idempotent: after a kill, run it again.
 *
 * <pre>{@code
 * @Contract(expand = "6")
 * public class V9__contract_users_name extends DualWriteContractMigration {
 *   @Override
 *   protected DualWrite dualWrite() {
 *     return DualWrite.table("users").from("name").to("display_name");
 *   }
 * }
 * }</pre>
 *
 * Declare it with {@link Contract @Contract} (required: it refuses to run without) so that it is held
 * back until the expand migration has soaked ({@code flyway.zdm.soak}), by the callback and by the
 * migration itself when the callback is not registered. Deploy it only when no application version
 * reads or writes the old column (or the compatibility view) any more.
 *
 * <p>The expand records its description beside its trigger; a contract whose {@link DualWrite}
 * differs (another column, type, conversion or view) refuses before it changes anything, naming
 * both migrations. Share one constant between the two to keep them equal.
 */
public abstract class DualWriteContractMigration extends ZeroDowntimeMigration {

  /** What to contract: the same description as the expand migration (checked against what the expand installed). */
  protected abstract DualWrite dualWrite();

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
    if (!getClass().isAnnotationPresent(Contract.class)) {
      // Without a declared expand there is no soak gate: dropping the old column could hit the old release.
      throw new IllegalStateException(run.name() + ": a DualWriteContractMigration must declare its expand migration"
          + " so that the soak gate can hold it back: annotate the class with @Contract(expand = \"<version of the"
          + " DualWriteExpandMigration>\"). Nothing was changed.");
    }
    DualWrite dualWrite = dualWrite();
    if (dualWrite == null) {
      throw new IllegalStateException(run.name() + ": dualWrite() returned null");
    }
    new DualWriteRemover(run.step(), dualWrite.spec(), run.settings().backfillBatchSize()).remove();
  }
}
