package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

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
   * Opens a side connection within the bound, or empty (logged) when none can be had. The caller
   * owns it and must close it. Nothing is set on it: a pooled connection must go back exactly as
   * it came, so every query on it runs in a short transaction that sets its timeouts with
   * {@code SET LOCAL} (see {@link StatementWatcher}). A connection that arrives after the bound, or after the
   * waiting thread was interrupted, is closed as soon as it arrives.
   */
  default Optional<Connection> tryOpen(String purpose) {
    ZdmLog log = ZdmLog.of(SideConnection.class);
    // A thread of its own, not the common pool: with few cores that pool may be busy with the caller's own work.
    CompletableFuture<Connection> opening = CompletableFuture.supplyAsync(() -> {
      try {
        return open();
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }, task -> {
      Thread thread = new Thread(task, "flyway-zdm-side-connection");
      thread.setDaemon(true);
      thread.start();
    });
    try {
      return Optional.of(opening.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      log.warn("{}: no second connection within {}s; going on without it", purpose, OPEN_TIMEOUT_SECONDS);
    } catch (ExecutionException e) {
      log.warn("{}: no second connection ({}); going on without it", purpose, e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Late or abandoned: whenever the connection does arrive, it goes straight back.
    opening.thenAccept(SideConnection::closeQuietly);
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
