package dev.flywayzdm.callback;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads Flyway's schema history table (configured schema and table name) and the database clock.
 * Every query is safe inside a migration's transaction: a missing table is detected with
 * {@code to_regclass}, never by a failing statement that would abort the transaction.
 */
final class SchemaHistory {

  /**
   * The latest history row of a version.
   *
   * @param liveSince {@code installed_on + execution_time}: when the migration had certainly finished,
   *     in the database's clock and time zone
   */
  record Row(String version, String script, boolean success, LocalDateTime liveSince) {}

  /** The database's clock and time zone: the only clock the soak is measured with. */
  record DatabaseClock(LocalDateTime now, String timeZone) {}

  private final QualifiedName table;

  private SchemaHistory(QualifiedName table) {
    this.table = table;
  }

  /** {@code "schema"."flyway_schema_history"}, for messages. */
  @Override
  public String toString() {
    return table.quoted();
  }

  static SchemaHistory of(Configuration configuration) {
    String schema = configuration.getDefaultSchema();
    if (schema == null && configuration.getSchemas() != null && configuration.getSchemas().length > 0) {
      schema = configuration.getSchemas()[0];
    }
    return new SchemaHistory(new QualifiedName(Optional.ofNullable(schema).map(s -> Identifier.of("schema", s)),
        Identifier.of("schema history table", configuration.getTable())));
  }

  /** Whether the history table exists yet (asked with {@code to_regclass}: never aborts a transaction). */
  boolean exists(Connection connection) throws SQLException {
    return TableCatalog.exists(connection, table);
  }

  /** The latest row recorded for {@code version}, successful or not; empty when it never ran. */
  Optional<Row> latest(Connection connection, String version) throws SQLException {
    if (!TableCatalog.exists(connection, table)) {
      return Optional.empty();
    }
    MigrationVersion wanted = MigrationVersion.fromVersion(version);
    Row found = null;
    String sql = "SELECT version, script, success, installed_on + coalesce(execution_time, 0) * interval '1 millisecond'"
        + " FROM " + table.quoted() + " WHERE version IS NOT NULL ORDER BY installed_rank";
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        // MigrationVersion equality: "5", "5.0" and "5.0.0" are the same version to Flyway.
        if (MigrationVersion.fromVersion(rows.getString(1)).equals(wanted)) {
          found = new Row(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getObject(4, LocalDateTime.class));
        }
      }
    }
    return Optional.ofNullable(found);
  }

  static DatabaseClock clock(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT localtimestamp, current_setting('TimeZone')");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new DatabaseClock(rows.getObject(1, LocalDateTime.class), rows.getString(2));
    }
  }
}
