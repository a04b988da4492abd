package dev.flywayzdm.callback.javacontract;

import dev.flywayzdm.migration.Contract;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A plain Java contract migration with a soak of its own. */
@Contract(expand = "1", soak = "1h")
public class V2__drop_name extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("ALTER TABLE users DROP COLUMN name");
    }
  }
}
