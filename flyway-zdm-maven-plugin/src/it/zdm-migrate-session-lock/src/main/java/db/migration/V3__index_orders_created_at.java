package db.migration;

import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.ConcurrentIndexMigration;

/** A flyway-zdm concurrent index: it fails fast under Flyway's transactional lock, so it needs the session lock. */
public class V3__index_orders_created_at extends ConcurrentIndexMigration {

  @Override
  protected ConcurrentIndex index() {
    return ConcurrentIndex.create("orders_created_at_idx").on("orders").columns("created_at");
  }
}
