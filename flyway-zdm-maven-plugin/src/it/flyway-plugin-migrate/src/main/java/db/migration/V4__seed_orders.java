package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration: found only through a classpath: location (Flyway's default finds SQL files only). */
public class V4__seed_orders extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("INSERT INTO orders (note) VALUES ('seeded by a Java migration')");
    }
  }
}
