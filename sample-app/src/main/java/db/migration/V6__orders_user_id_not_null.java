package db.migration;

import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.migration.ValidatedConstraintMigration;

/**
 * orders.user_id NOT NULL without a full scan under ACCESS EXCLUSIVE: a CHECK (user_id IS NOT NULL)
 * added NOT VALID and validated, after which SET NOT NULL needs no scan, and the helper check goes.
 */
public class V6__orders_user_id_not_null extends ValidatedConstraintMigration {

  @Override
  protected ValidatedConstraint constraint() {
    return ValidatedConstraint.notNull("orders", "user_id");
  }
}
