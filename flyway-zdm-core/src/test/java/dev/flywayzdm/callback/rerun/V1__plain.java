package dev.flywayzdm.callback.rerun;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration that is not flyway-zdm's: its failed run is the user's to repair. */
public final class V1__plain extends BaseJavaMigration {
  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("SELECT * FROM missing_table_of_plain");
    }
  }
}
