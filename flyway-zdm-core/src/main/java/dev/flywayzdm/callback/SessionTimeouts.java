package dev.flywayzdm.callback;

import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts lock_timeout (and statement_timeout) on the connection of one migration and takes them off
 * afterwards, so nothing leaks into later migrations, Flyway's history insert or a pooled
 * connection. In a transaction the values are {@code SET LOCAL}; without one they are {@code SET}
 * and the previous session values are put back after the migration, on success or failure.
 */
final class SessionTimeouts {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTimeouts.class);

  /** The session's values before the migration, to put back afterwards. */
  private record Saved(String migration, String lockTimeout, String statementTimeout, boolean transactional) {}

  /** Keyed by the connection object itself (JDBC connections do not override equals): concurrent Flyway runs stay apart. */
  private final Map<Connection, Saved> saved = new ConcurrentHashMap<>();

  /**
   * Applies the settings' lock_timeout, and statement_timeout only in a transaction: a migration
   * without one is a concurrent index build, validation or VACUUM, which may rightly run for hours.
   */
  void apply(Connection connection, String migration, boolean transactional, ZdmSettings settings) throws SQLException {
    String[] previous = current(connection);
    saved.put(connection, new Saved(migration, previous[0], previous[1], transactional));
    set(connection, "lock_timeout", millis(settings.lockTimeout()), transactional);
    boolean boundStatements = transactional && !settings.statementTimeout().isZero();
    if (boundStatements) {
      set(connection, "statement_timeout", millis(settings.statementTimeout()), true);
    }
    LOG.info("{}: lock_timeout {}{} ({})", migration, DurationText.format(settings.lockTimeout()),
        boundStatements ? ", statement_timeout " + DurationText.format(settings.statementTimeout()) : "",
        transactional ? "SET LOCAL in the migration's transaction" : "SET for this non-transactional migration, restored after it");
  }

  /**
   * Puts the session values back. After a failed transactional migration there is nothing to do:
   * the rollback discards them, and any SQL in the aborted transaction would fail (25P02) and hide
   * the migration's own error. Never throws: a failure to restore is logged.
   */
  void restore(Connection connection, boolean failed) {
    Saved before = saved.remove(connection);
    if (before == null || (failed && before.transactional())) {
      return;
    }
    try {
      // A session-level SET here also undoes a plain SET the migration itself made; inside a
      // transaction it takes effect at commit.
      set(connection, "lock_timeout", before.lockTimeout(), false);
      set(connection, "statement_timeout", before.statementTimeout(), false);
    } catch (SQLException e) {
      LOG.error("{}: could not restore lock_timeout={} / statement_timeout={} on its connection ({}): later work on that"
          + " connection may keep flyway-zdm's timeouts", before.migration(), before.lockTimeout(),
          before.statementTimeout(), e.getMessage());
    }
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }

  private static String[] current(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new String[] {rows.getString(1), rows.getString(2)};
    }
  }

  /** Through set_config so that no value is ever spliced into SQL. */
  private static void set(Connection connection, String name, String value, boolean local) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.setBoolean(3, local);
      statement.execute();
    }
  }
}
