package dev.flywayzdm.internal.backfill.throttle;

import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.pg.SideConnection;
import dev.flywayzdm.internal.settings.SettingKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The user's throttle query (gh-ost's {@code --throttle-query}): one query returning one boolean,
 * true while backfills must wait. It runs as given (never spliced into other SQL), at most once a
 * second, on a second connection of its own, in a read-only transaction under
 * {@value #TIMEOUT_SECONDS}s of {@code statement_timeout} set with {@code SET LOCAL}, so the
 * connection goes back to its pool as it came.
 *
 * <p>A query that is wrong (an error on its first run, not one boolean) stops the backfill at once,
 * naming the setting. Once it has worked, a later failure (a timeout, a lost connection) holds the
 * backfill like a true would: waiting is the safe side, and the wait is bounded.
 */
final class ThrottleQuery implements Hold, AutoCloseable {

  private static final ZdmLog LOG = ZdmLog.of(ThrottleQuery.class);
  static final int TIMEOUT_SECONDS = 5;
  static final Duration EVERY = Duration.ofSeconds(1);
  private static final String KEY = SettingKey.BACKFILL_THROTTLE_QUERY.qualified();

  private final String migration;
  private final String sql;
  private final SideConnection connections;
  private Connection connection;
  private boolean worked;
  private long lastRun;
  private Optional<String> last = Optional.empty();

  ThrottleQuery(String migration, String sql, SideConnection connections) {
    this.migration = migration;
    this.sql = sql;
    this.connections = connections;
  }

  @Override
  public Optional<String> reason() throws SQLException {
    long now = System.nanoTime();
    if (worked && now - lastRun < EVERY.toNanos()) {
      return last;
    }
    lastRun = now;
    try {
      last = run() ? Optional.of("the throttle query (" + KEY + ") returned true: " + sql) : Optional.empty();
      worked = true;
    } catch (SQLException e) {
      if (!worked) {
        throw new IllegalArgumentException(migration + ": " + KEY + " failed on its first run: [" + e.getSQLState() + "] "
            + firstLine(e) + "; expected one query returning one boolean (true: the backfill waits), e.g."
            + " SELECT count(*) > 100 FROM pg_stat_activity WHERE state = 'active'. Query: " + sql, e);
      }
      closeConnection();
      last = Optional.of("the throttle query (" + KEY + ") failed: [" + e.getSQLState() + "] " + firstLine(e));
    }
    return last;
  }

  private boolean run() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = connections.tryOpen(migration + ": " + KEY).orElseThrow(() -> new SQLException(
          "no second connection to run the throttle query on", "08001"));
    }
    return ShortTransaction.run(connection, Duration.ofSeconds(TIMEOUT_SECONDS), Duration.ofSeconds(TIMEOUT_SECONDS), tx -> {
      try (Statement statement = tx.createStatement()) {
        // A throttle query only reads; a mistaken one must not write.
        statement.execute("SET TRANSACTION READ ONLY");
        try (ResultSet rows = statement.executeQuery(sql)) {
          ResultSetMetaData columns = rows.getMetaData();
          if (columns.getColumnCount() != 1 || columns.getColumnType(1) != Types.BIT && columns.getColumnType(1) != Types.BOOLEAN) {
            throw wrongShape("returned " + columns.getColumnCount() + " column(s) of type " + columns.getColumnTypeName(1));
          }
          if (!rows.next()) {
            throw wrongShape("returned no row");
          }
          boolean hold = rows.getBoolean(1);
          if (rows.wasNull()) {
            throw wrongShape("returned NULL");
          }
          if (rows.next()) {
            throw wrongShape("returned more than one row");
          }
          return hold;
        }
      }
    });
  }

  private IllegalArgumentException wrongShape(String what) {
    return new IllegalArgumentException(migration + ": " + KEY + " " + what + ": expected exactly one row with one boolean"
        + " (true: the backfill waits). Query: " + sql);
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("{}: closing the throttle query's connection: {}", migration, e.getMessage());
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeConnection();
  }
}
