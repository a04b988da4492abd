package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.TableCatalog;
import dev.flywayzdm.internal.step.StepContext;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract half of a dual write: verify that old and new agree on every row, then drop the
 * trigger, its function, the compatibility view and the old column together in one short
 * transaction under lock_timeout with retry. Every drop is idempotent, so a rerun after a kill
 * finishes the job.
 */
public final class DualWriteRemover {

  private final StepContext ddl;
  private final DualWriteSpec spec;
  private final int batchSize;

  public DualWriteRemover(StepContext ddl, DualWriteSpec spec, int batchSize) {
    this.ddl = ddl;
    this.spec = spec;
    this.batchSize = batchSize;
  }

  public void remove() throws SQLException {
    TableCatalog.requireTable(ddl.connection(), spec.table(), ddl.name());
    DualWriteAgreement.requireSameAsExpand(ddl, spec);
    boolean oldColumnPresent = TableCatalog.column(ddl.connection(), spec.table(), spec.oldColumn()).isPresent();
    if (oldColumnPresent) {
      if (TableCatalog.column(ddl.connection(), spec.table(), spec.newColumn()).isEmpty()) {
        throw new IllegalStateException(ddl.name() + ": table " + spec.table() + " has no column "
            + spec.newColumn() + "; has the expand migration of " + spec.describe() + " run?");
      }
      DualWriteVerifier.Result result = new DualWriteVerifier(ddl, spec, batchSize).verify();
      if (!result.agrees()) {
        String table = spec.table().quoted();
        String expected = spec.oldToNew(table);
        String newColumn = table + "." + spec.newColumn().quoted();
        // Setting the new column is what the trigger copies back (converted) to the old one; SET old = old
        // changes nothing for a row whose new column is set but wrong.
        throw new IllegalStateException(ddl.name() + ": refusing to drop " + spec.table() + "."
            + spec.oldColumn() + ": " + result.disagreeing() + " of " + result.checked() + " rows have "
            + spec.newColumn() + " different from " + expected + ", e.g. rows " + String.join(", ", result.firstKeys())
            + ". When the old column holds the right values, make them agree with: UPDATE " + table + " SET "
            + spec.newColumn().quoted() + " = (" + expected + ") WHERE NOT (" + newColumn + " IS NOT DISTINCT FROM ("
            + expected + ")); (the dual-write trigger then writes " + spec.oldColumn() + " back from it, converted,"
            + " so check that the round trip keeps your values), then run the same migrate again; nothing was dropped.");
      }
    }
    // One transaction: between a dropped trigger and a dropped column, a write of the new version
    // (new column only) would leave the old column empty and break its NOT NULL or its readers.
    List<String> drops = new ArrayList<>();
    drops.add(SyncTriggerSql.dropTrigger(spec));
    drops.add(SyncTriggerSql.dropFunction(spec));
    spec.compatibilityView().ifPresent(view -> drops.add(CompatibilityView.drop(spec)));
    if (oldColumnPresent) {
      drops.add("ALTER TABLE " + spec.table().quoted() + " DROP COLUMN IF EXISTS " + spec.oldColumn().quoted());
    }
    String what = "dropping trigger " + spec.triggerName() + ", function " + spec.functionName()
        + spec.compatibilityView().map(view -> ", compatibility view " + view).orElse("")
        + (oldColumnPresent ? " and column " + spec.oldColumn() : "") + " of " + spec.table() + " in one transaction";
    ddl.info("{} ...", what);
    ddl.transaction(what, spec.table().quoted(), tx -> {
      try (Statement statement = tx.createStatement()) {
        for (String drop : drops) {
          statement.execute(drop);
        }
      }
      return null;
    });
  }
}
