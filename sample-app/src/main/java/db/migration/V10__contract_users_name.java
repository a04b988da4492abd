package db.migration;

import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteContractMigration;

/**
 * Renaming users.name, contract step: once release 2 runs everywhere, checks that display_name
 * agrees with name on every row, then drops the trigger and users.name. The flyway-zdm callback
 * refuses it until V9 has been live for flyway.zdm.soak.
 */
@Contract(expand = "9")
public class V10__contract_users_name extends DualWriteContractMigration {

  @Override
  protected DualWrite dualWrite() {
    return V9__expand_users_display_name.DISPLAY_NAME;
  }
}
