package dev.flywayzdm.internal.history;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads Flyway's schema history table (configured schema and table name) and the database clock.
 * Every query is safe inside a migration's transaction: a missing table is detected with
 * {@code to_regclass}, never by a failing statement that would abort the transaction. Times are
 * {@code timestamptz} (instants) only: the session's TimeZone never enters a comparison.
 */
public final class SchemaHistory {

  /**
   * The latest history row of a version.
   *
   * @param type Flyway's migration type ({@code SQL}, {@code JDBC}, {@code BASELINE}, {@code DELETE}, ...)
   * @param latestPossibleFinish {@code installed_on + execution_time} read as a local time of UTC-12,
   *     the westernmost zone in use: the latest instant that zone-less value can denote, whatever the
   *     TimeZone of the session that wrote it. The soak gate's fallback for a row without a record in
   *     {@link FinishedMigrations}.
   */
  record Row(int installedRank, String version, String script, String type, boolean success,
      Instant latestPossibleFinish) {

    /** A marker Flyway's {@code repair} inserts for a migration it deleted: not applied any more. */
    boolean deleted() {
      return "DELETE".equals(type);
    }
  }

  /**
   * How many hours west of UTC the westernmost time zone lies (UTC-12, e.g. {@code Etc/GMT+12}): a
   * zone-less time written in any real zone denotes an instant no later than that time read in UTC-12.
   */
  static final int WESTERNMOST_OFFSET_HOURS = 12;

  private final QualifiedName table;

  private SchemaHistory(QualifiedName table) {
    this.table = table;
  }

  /** {@code "schema"."flyway_schema_history"}, for messages. */
  @Override
  public String toString() {
    return table.quoted();
  }

  /** The history table's name, as configured. */
  public QualifiedName table() {
    return table;
  }

  public static SchemaHistory of(Configuration configuration) {
    String schema = configuration.getDefaultSchema();
    if (schema == null && configuration.getSchemas() != null && configuration.getSchemas().length > 0) {
      schema = configuration.getSchemas()[0];
    }
    return new SchemaHistory(new QualifiedName(Optional.ofNullable(schema).map(s -> Identifier.of("schema", s)),
        Identifier.of("schema history table", configuration.getTable())));
  }

  /** Whether the history table exists yet (asked with {@code to_regclass}: never aborts a transaction). */
  public boolean exists(Connection connection) throws SQLException {
    return TableCatalog.exists(connection, table);
  }

  /** The highest version applied successfully (a baseline counts); empty for an empty or missing table. */
  public Optional<String> highestApplied(Connection connection) throws SQLException {
    if (!TableCatalog.exists(connection, table)) {
      return Optional.empty();
    }
    MigrationVersion highest = null;
    String sql = "SELECT version FROM " + table.quoted() + " WHERE version IS NOT NULL AND success";
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
        if (highest == null || version.compareTo(highest) > 0) {
          highest = version;
        }
      }
    }
    return Optional.ofNullable(highest).map(MigrationVersion::getVersion);
  }

  /** The latest row recorded for {@code version}, successful or not; empty when it never ran. */
  Optional<Row> latest(Connection connection, String version) throws SQLException {
    MigrationVersion wanted = MigrationVersion.fromVersion(version);
    return latestWhere(connection, row -> MigrationVersion.fromVersion(row.version()).equals(wanted));
  }

  /**
   * The latest baseline row ({@code flyway baseline}, {@code baselineOnMigrate}) at or above
   * {@code version}: a migration below the baseline was never run here, what it made was already in
   * the database when the baseline was taken.
   */
  Optional<Row> baselineCovering(Connection connection, String version) throws SQLException {
    MigrationVersion wanted = MigrationVersion.fromVersion(version);
    return latestWhere(connection, row -> ("BASELINE".equals(row.type()) || "INIT".equals(row.type()))
        && MigrationVersion.fromVersion(row.version()).compareTo(wanted) >= 0);
  }

  private Optional<Row> latestWhere(Connection connection, java.util.function.Predicate<Row> wanted) throws SQLException {
    if (!TableCatalog.exists(connection, table)) {
      return Optional.empty();
    }
    Row found = null;
    String sql = "SELECT installed_rank, version, script, type, success,"
        + " (installed_on + coalesce(execution_time, 0) * interval '1 millisecond') AT TIME ZONE 'UTC'"
        + " + interval '" + WESTERNMOST_OFFSET_HOURS + " hours'"
        + " FROM " + table.quoted() + " WHERE version IS NOT NULL ORDER BY installed_rank";
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Row row = new Row(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5),
            rows.getObject(6, OffsetDateTime.class).toInstant());
        // MigrationVersion equality in the predicates: "5", "5.0" and "5.0.0" are the same version to Flyway.
        if (wanted.test(row)) {
          found = row;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** The database's clock now ({@code clock_timestamp()}): the only clock the soak is measured with. */
  static Instant now(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT clock_timestamp()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
