package db.migration;

import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.migration.ValidatedConstraintMigration;

/**
 * orders.user_id references users: added NOT VALID under lock_timeout (new rows are checked from
 * then on), its supporting index built concurrently, then validated while the application keeps
 * reading and writing both tables.
 */
public class V5__foreign_key_orders_user extends ValidatedConstraintMigration {

  @Override
  protected ValidatedConstraint constraint() {
    return ValidatedConstraint.foreignKey("orders", "orders_user_id_fkey", "user_id").references("users", "id")
        .supportingIndex("orders_user_id_idx");
  }
}
