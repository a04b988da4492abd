package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One short transaction with {@code SET LOCAL lock_timeout} (and optionally statement_timeout):
 * the settings end with the transaction, so nothing leaks into later work on the connection.
 * Commits on success; rolls back and restores the connection's autocommit on any failure, so the
 * connection is usable for a retry.
 */
public final class ShortTransaction {

  private ShortTransaction() {}

  /**
   * Runs {@code work} in a transaction of its own.
   *
   * @param statementTimeout zero for none
   */
  public static <T> T run(Connection connection, Duration lockTimeout, Duration statementTimeout,
      SqlWork<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      setLocal(connection, "lock_timeout", lockTimeout);
      setLocal(connection, "statement_timeout", statementTimeout);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** {@code SET LOCAL name = <millis>ms}, through set_config so no value is ever spliced into SQL. */
  public static void setLocal(Connection connection, String name, Duration value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
      statement.setString(1, name);
      statement.setString(2, value.toMillis() + "ms");
      statement.execute();
    }
  }
}
