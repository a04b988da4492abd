package dev.flywayzdm.internal.history;

import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The soak gate's source of truth: the table {@code flyway_zdm_applied}, beside Flyway's schema
 * history table, where the callback records when each versioned migration finished, as a
 * {@code timestamptz} from the database's clock ({@code clock_timestamp()}). Flyway's own
 * {@code installed_on} is a {@code timestamp} without time zone written in the inserting session's
 * TimeZone (PgJDBC takes it from the JVM), so it cannot be compared across runs from different zones.
 *
 * <p>A record is written on the migration's own connection at {@code AFTER_EACH_MIGRATE}: inside the
 * migration's transaction when it has one (it commits or rolls back with the migration), in a short
 * transaction of its own otherwise. It names the {@code installed_rank} Flyway gives the history row it
 * inserts right afterwards (Flyway's lock serialises migrators, so that is the current maximum plus one);
 * the gate trusts a record only for the history row with exactly that rank, version and script, so a
 * record can never vouch for a later re-run of the same version that went unrecorded.
 */
public final class FinishedMigrations {

  private static final ZdmLog LOG = ZdmLog.of(FinishedMigrations.class);

  /** The table's name, in the schema of Flyway's history table. */
  static final String TABLE = "flyway_zdm_applied";

  private final SchemaHistory history;
  private final QualifiedName table;

  public FinishedMigrations(SchemaHistory history) {
    this.history = history;
    this.table = new QualifiedName(history.table().schema(), Identifier.of("flyway-zdm table", TABLE));
  }

  /** {@code "schema"."flyway_zdm_applied"}, for messages. */
  @Override
  public String toString() {
    return table.quoted();
  }

  /**
   * Records that {@code info} finished now. A failure here never fails the migration: without its
   * record the gate falls back to the conservative reading of {@code installed_on}, which can only make
   * a contract wait longer. It is logged with that consequence.
   */
  public void record(Connection connection, MigrationInfo info, Duration lockTimeout) {
    if (info.getVersion() == null) {
      return; // repeatable migrations are never the expand step of a contract
    }
    try {
      if (connection.getAutoCommit()) {
        ShortTransaction.run(connection, lockTimeout, Duration.ZERO, c -> {
          insert(c, info);
          return null;
        });
      } else {
        insideTransaction(connection, info);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("{}: flyway-zdm could not record in {} when it finished ({}); a contract of this migration will count"
          + " it live from the conservative reading of installed_on in {} instead", MigrationName.of(info), table,
          e.getMessage(), history);
    }
  }

  /** In the migration's transaction, under a savepoint so that a failure cannot abort the migration. */
  private void insideTransaction(Connection connection, MigrationInfo info) throws SQLException {
    Savepoint savepoint = connection.setSavepoint("flyway_zdm_record");
    try {
      insert(connection, info);
      connection.releaseSavepoint(savepoint);
    } catch (SQLException | RuntimeException e) {
      connection.rollback(savepoint);
      throw e;
    }
  }

  private void insert(Connection connection, MigrationInfo info) throws SQLException {
    if (!TableCatalog.exists(connection, table)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
            + "history_table text NOT NULL, installed_rank integer NOT NULL, version text NOT NULL,"
            + " script text NOT NULL, checksum integer, finished_at timestamptz NOT NULL)");
        statement.execute("COMMENT ON TABLE " + table.quoted() + " IS 'flyway-zdm: when each migration finished,"
            + " by the database clock; the soak gate of contract migrations reads it'");
      }
    }
    String sql = "INSERT INTO " + table.quoted() + " (history_table, installed_rank, version, script, checksum, finished_at)"
        + " SELECT ?, coalesce(max(installed_rank), 0) + 1, ?, ?, ?, clock_timestamp() FROM " + history;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, history.table().name().name());
      statement.setString(2, info.getVersion().getVersion());
      statement.setString(3, info.getScript());
      if (info.getChecksum() == null) {
        statement.setNull(4, java.sql.Types.INTEGER);
      } else {
        statement.setInt(4, info.getChecksum());
      }
      statement.executeUpdate();
    }
  }

  private boolean hasOurColumns(Connection connection) throws SQLException {
    String sql = "SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass(?) AND NOT attisdropped"
        + " AND attname IN ('history_table', 'installed_rank', 'version', 'script', 'finished_at')";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1) == 5;
      }
    }
  }

  /**
   * When the history row {@code row} finished, by its record; empty when it has none (applied before
   * flyway-zdm was installed, without the callback, or the record could not be written).
   */
  Optional<Instant> finishedAt(Connection connection, SchemaHistory.Row row) throws SQLException {
    if (!TableCatalog.exists(connection, table)) {
      return Optional.empty();
    }
    if (!hasOurColumns(connection)) {
      // Checked first: a failing query would abort the contract's transaction.
      LOG.warn("flyway-zdm: {} is not flyway-zdm's table (its columns differ); contracts count their expand live from"
          + " the conservative reading of installed_on in {}", table, history);
      return Optional.empty();
    }
    String sql = "SELECT max(finished_at) FROM " + table.quoted()
        + " WHERE history_table = ? AND installed_rank = ? AND version = ? AND script = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, history.table().name().name());
      statement.setInt(2, row.installedRank());
      statement.setString(3, row.version());
      statement.setString(4, row.script());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
      }
    }
  }
}
