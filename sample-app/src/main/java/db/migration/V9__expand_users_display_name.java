package db.migration;

import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteExpandMigration;

/**
 * Renaming users.name to users.display_name, expand step: the new column, a trigger that keeps both
 * in step in both directions (release 1 writes name, release 2 writes display_name), and the
 * backfill of existing users in batches, each a short transaction.
 */
public class V9__expand_users_display_name extends DualWriteExpandMigration {

  static final DualWrite DISPLAY_NAME = DualWrite.table("users").from("name").to("display_name");

  @Override
  protected DualWrite dualWrite() {
    return DISPLAY_NAME;
  }
}
