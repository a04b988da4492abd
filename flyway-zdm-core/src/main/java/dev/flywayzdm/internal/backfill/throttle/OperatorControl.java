package dev.flywayzdm.internal.backfill.throttle;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.ShortTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * An operator's hand on a running backfill: one row per migration in
 * {@code flyway_zdm_backfill_control}, beside the checkpoint table, read before every batch and
 * every {@link ThrottledGate#POLL} while the backfill waits.
 *
 * <pre>{@code
 * UPDATE flyway_zdm_backfill_control SET command = 'pause' WHERE migration = 'V7__fill_status';
 * UPDATE flyway_zdm_backfill_control SET command = 'run', batch_size = 500, batch_pause = '50ms' WHERE migration = 'V7__fill_status';
 * UPDATE flyway_zdm_backfill_control SET command = 'abort' WHERE migration = 'V7__fill_status';
 * SELECT migration, command, state, state_since FROM flyway_zdm_backfill_control;
 * }</pre>
 *
 * The backfill writes what it is doing into {@code state}. An abort is taken once: the backfill
 * stops, sets the command back to {@code run}, and the next migrate continues from the checkpoint.
 */
final class OperatorControl {

  private static final ZdmLog LOG = ZdmLog.of(OperatorControl.class);
  /** The table's name, beside {@code flyway_zdm_backfill}. */
  static final String TABLE = "flyway_zdm_backfill_control";
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  /** What the operator asks for. */
  enum Command { RUN, PAUSE, ABORT }

  /** The row as read: the command and the overrides (batch pause zero when none). */
  record Orders(Command command, OptionalInt batchSize, Duration batchPause) {}

  private final String migration;
  private final Connection connection;
  private final String table;
  private final Duration lockTimeout;
  private String stateWritten;

  OperatorControl(String migration, Connection connection, QualifiedName checkpointTable, Duration lockTimeout) {
    this.migration = migration;
    this.connection = connection;
    this.table = new QualifiedName(checkpointTable.schema(), new Identifier(TABLE)).quoted();
    this.lockTimeout = lockTimeout;
  }

  /** The table's quoted name, for messages. */
  String table() {
    return table;
  }

  /** Creates the table and this migration's row when missing (idempotent, also against a second worker doing the same). */
  void ensureRow() throws SQLException {
    try {
      ShortTransaction.run(connection, lockTimeout, Duration.ofSeconds(QUERY_TIMEOUT_SECONDS), tx -> {
        try (Statement statement = tx.createStatement()) {
          statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
              + " migration text PRIMARY KEY,"
              + " command text NOT NULL DEFAULT 'run' CHECK (command IN ('run', 'pause', 'abort')),"
              + " batch_size integer CHECK (batch_size BETWEEN 1 AND 1000000),"
              + " batch_pause interval CHECK (batch_pause BETWEEN interval '0' AND interval '1 hour'),"
              + " state text,"
              + " state_since timestamptz,"
              + " created_at timestamptz NOT NULL DEFAULT now())");
        }
        return null;
      });
    } catch (SQLException e) {
      // Two sessions creating the table at once: one wins, the other sees a duplicate; either way the table is there.
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        throw e;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (migration) VALUES (?)"
        + " ON CONFLICT (migration) DO NOTHING")) {
      insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      insert.setString(1, migration);
      insert.executeUpdate();
    }
  }

  /** The operator's orders now; {@code run} when the row was deleted. */
  Orders read() throws SQLException {
    // A plain read in autocommit: MVCC never waits for an operator's uncommitted UPDATE of the row.
    try (PreparedStatement select = connection.prepareStatement("SELECT command, batch_size,"
        + " (extract(epoch FROM batch_pause) * 1000)::bigint FROM " + table + " WHERE migration = ?")) {
      select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      select.setString(1, migration);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return new Orders(Command.RUN, OptionalInt.empty(), Duration.ZERO);
        }
        Command command = Command.valueOf(rows.getString(1).toUpperCase(java.util.Locale.ROOT));
        int size = rows.getInt(2);
        OptionalInt batchSize = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(size);
        long pause = rows.getLong(3);
        return new Orders(command, batchSize, Duration.ofMillis(Math.max(0, pause)));
      }
    }
  }

  /** Records what the backfill is doing, when it changed; a row held by an operator's open transaction is left for next time. */
  void state(String state) throws SQLException {
    if (state.equals(stateWritten)) {
      return;
    }
    update("UPDATE " + table + " SET state = ?, state_since = now() WHERE migration = ?", state);
    stateWritten = state;
  }

  /** Takes an abort: the command goes back to {@code run}, so the next migrate continues. */
  void abortTaken(String state) throws SQLException {
    update("UPDATE " + table + " SET command = 'run', state = ?, state_since = now() WHERE migration = ? AND command = 'abort'",
        state);
    stateWritten = state;
  }

  private void update(String sql, String state) throws SQLException {
    try {
      ShortTransaction.run(connection, lockTimeout, Duration.ofSeconds(QUERY_TIMEOUT_SECONDS), tx -> {
        try (PreparedStatement update = tx.prepareStatement(sql)) {
          update.setString(1, state);
          update.setString(2, migration);
          return update.executeUpdate();
        }
      });
    } catch (SQLException e) {
      if (!"55P03".equals(e.getSQLState())) {
        throw e;
      }
      LOG.debug("{}: {} row is locked by another session; its state is written next time", migration, table);
    }
  }
}
