package db.migration;

import dev.flywayzdm.migration.MigrationRun;
import dev.flywayzdm.migration.ZeroDowntimeMigration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Backfills orders.amount_cents for the rows that existed before V7, in keyset batches of
 * flyway.zdm.backfillBatchSize, each its own short transaction.
 *
 * <p>Interim: written on the ZeroDowntimeMigration base until BatchedBackfillMigration lands.
 */
public class V8__backfill_orders_amount_cents extends ZeroDowntimeMigration {

  @Override
  protected void apply(MigrationRun run) throws Exception {
    long last = 0;
    long total = 0;
    while (true) {
      long after = last;
      long[] batch = run.transaction("backfilling orders.amount_cents after id " + after, "\"orders\"", tx -> {
        try (PreparedStatement update = tx.prepareStatement("""
            WITH batch AS (
              SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?
            ), done AS (
              UPDATE orders o SET amount_cents = o.amount FROM batch
              WHERE o.id = batch.id AND o.amount_cents IS NULL RETURNING o.id
            )
            SELECT (SELECT max(id) FROM batch), (SELECT count(*) FROM done)""")) {
          update.setLong(1, after);
          update.setInt(2, run.settings().backfillBatchSize());
          try (ResultSet rows = update.executeQuery()) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
          }
        }
      });
      if (batch[0] == 0) {
        break;
      }
      last = batch[0];
      total += batch[1];
    }
    run.info("backfilled {} rows of orders.amount_cents", total);
  }
}
