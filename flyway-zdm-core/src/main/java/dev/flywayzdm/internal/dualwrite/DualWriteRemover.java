package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.migration.MigrationRun;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.SQLException;

/**
 * The contract half of a dual write: verify that old and new agree on every row, then drop the
 * trigger, its function, the compatibility view and finally the old column, each a short step
 * under lock_timeout with retry and each idempotent, so a rerun after a kill finishes the job.
 */
public final class DualWriteRemover {

  private final MigrationRun ddl;
  private final DualWriteSpec spec;
  private final int batchSize;

  public DualWriteRemover(MigrationRun ddl, DualWriteSpec spec, int batchSize) {
    this.ddl = ddl;
    this.spec = spec;
    this.batchSize = batchSize;
  }

  public void remove() throws SQLException {
    TableCatalog.requireTable(ddl.connection(), spec.table(), ddl.name());
    boolean oldColumnPresent = TableCatalog.column(ddl.connection(), spec.table(), spec.oldColumn()).isPresent();
    if (oldColumnPresent) {
      if (TableCatalog.column(ddl.connection(), spec.table(), spec.newColumn()).isEmpty()) {
        throw new IllegalStateException(ddl.name() + ": table " + spec.table() + " has no column "
            + spec.newColumn() + "; has the expand migration of " + spec.describe() + " run?");
      }
      DualWriteVerifier.Result result = new DualWriteVerifier(ddl, spec, batchSize).verify();
      if (!result.agrees()) {
        throw new IllegalStateException(ddl.name() + ": refusing to drop " + spec.table() + "."
            + spec.oldColumn() + ": " + result.disagreeing() + " of " + result.checked() + " rows have "
            + spec.newColumn() + " different from " + spec.oldToNew() + ", e.g. rows " + String.join(", ", result.firstKeys())
            + ". Backfill them (the expand migration's backfill, or UPDATE ... SET " + DualWriteInstaller.backfillSetClause(spec)
            + " WHERE NOT (" + spec.newColumn().quoted() + " IS NOT DISTINCT FROM (" + spec.oldToNew(spec.table().quoted())
            + "))) and run the migration again; nothing was dropped.");
      }
    }
    step("dropping trigger " + spec.triggerName() + " on " + spec.table(), spec.table(), SyncTriggerSql.dropTrigger(spec));
    step("dropping function " + spec.functionName(), spec.table(), SyncTriggerSql.dropFunction(spec));
    if (spec.compatibilityView().isPresent()) {
      step("dropping compatibility view " + spec.compatibilityView().get(), spec.compatibilityView().get(),
          CompatibilityView.drop(spec));
    }
    if (oldColumnPresent) {
      step("dropping column " + spec.oldColumn() + " of " + spec.table(), spec.table(),
          "ALTER TABLE " + spec.table().quoted() + " DROP COLUMN IF EXISTS " + spec.oldColumn().quoted());
    }
  }
  private void step(String what, QualifiedName relation, String sql) throws SQLException {
    ddl.info("{} ...", what);
    ddl.ddl(what, relation.quoted(), sql);
  }
}
