package db.migration;

import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteExpandMigration;

/**
 * The int -> bigint change of orders.amount, expand step: ALTER COLUMN TYPE would rewrite the table
 * under ACCESS EXCLUSIVE, so a new bigint column amount_cents is added instead, kept in step with
 * amount by a trigger in both directions while release 1 (amount) and release 2 (amount_cents) run.
 * The existing rows are backfilled by V8.
 */
public class V7__expand_orders_amount_cents extends DualWriteExpandMigration {

  static final DualWrite AMOUNT = DualWrite.table("orders").from("amount").to("amount_cents").type("bigint");

  @Override
  protected DualWrite dualWrite() {
    return AMOUNT;
  }

  @Override
  protected boolean backfill() {
    return false;
  }
}
