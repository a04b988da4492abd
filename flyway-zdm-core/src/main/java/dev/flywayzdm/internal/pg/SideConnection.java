package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second connection to the migration's database, for watching a long statement (progress,
 * blockers) while the migration's own connection is busy running it. Opening is bounded: a
 * connection that cannot be had within {@link #OPEN_TIMEOUT_SECONDS} is given up, and the work
 * goes on unwatched.
 */
@FunctionalInterface
public interface SideConnection {

  long OPEN_TIMEOUT_SECONDS = 10;

  /** Opens a new connection; the caller closes it. */
  Connection open() throws SQLException;

  /** Side connections from Flyway's data source (the one the migration's connection came from). */
  static SideConnection from(Configuration configuration) {
    DataSource dataSource = configuration == null ? null : configuration.getDataSource();
    if (dataSource == null) {
      return () -> {
        throw new SQLException("Flyway's configuration has no data source to open a second connection from");
      };
    }
    return dataSource::getConnection;
  }

  /**
   * Opens a side connection within the bound, with short timeouts of its own so that a watcher
   * query can never hang, or empty (logged) when none can be had.
   */
  default Optional<Connection> tryOpen(String purpose) {
    Logger log = LoggerFactory.getLogger(SideConnection.class);
    CompletableFuture<Connection> opening = CompletableFuture.supplyAsync(() -> {
      try {
        return open();
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
    try {
      Connection connection = opening.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT set_config('statement_timeout', '5s', false), set_config('lock_timeout', '1s', false),"
            + " set_config('application_name', 'flyway-zdm watcher', false)");
      }
      return Optional.of(connection);
    } catch (TimeoutException e) {
      opening.thenAccept(SideConnection::closeQuietly);
      log.warn("{}: no second connection within {}s; going on without it", purpose, OPEN_TIMEOUT_SECONDS);
    } catch (ExecutionException | SQLException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      log.warn("{}: no second connection ({}); going on without it", purpose, cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to clean up
    }
  }
}
