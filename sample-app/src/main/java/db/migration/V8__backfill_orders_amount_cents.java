package db.migration;

import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.BatchedBackfillMigration;

/**
 * Backfills orders.amount_cents for the rows that existed before V7: keyset batches of
 * flyway.zdm.backfillBatchSize, each its own short transaction, checkpointed so a killed run resumes.
 */
public class V8__backfill_orders_amount_cents extends BatchedBackfillMigration {

  @Override
  protected Backfill backfill() {
    return Backfill.table("orders").set("amount_cents = amount").where("amount_cents IS NULL");
  }
}
