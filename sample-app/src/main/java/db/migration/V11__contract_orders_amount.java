package db.migration;

import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteContractMigration;

/** The int -> bigint change, contract step: drops the trigger and the int column orders.amount. */
@Contract(expand = "7")
public class V11__contract_orders_amount extends DualWriteContractMigration {

  @Override
  protected DualWrite dualWrite() {
    return V7__expand_orders_amount_cents.AMOUNT;
  }
}
