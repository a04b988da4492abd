package db.migration;

import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.ConcurrentIndexMigration;

/**
 * An index on a busy table, built with CREATE INDEX CONCURRENTLY (plain CREATE INDEX would block
 * every write to orders for the whole build): an invalid leftover of an earlier failed attempt is
 * dropped and rebuilt, a valid one is left alone.
 */
public class V3__index_orders_created_at extends ConcurrentIndexMigration {

  @Override
  protected ConcurrentIndex index() {
    return ConcurrentIndex.create("orders_created_at_idx").on("orders").columns("created_at");
  }
}
