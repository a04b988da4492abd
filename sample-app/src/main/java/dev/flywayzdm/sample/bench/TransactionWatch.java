package dev.flywayzdm.sample.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the open transactions of other sessions in the database every 20 ms: the longest one a
 * backfill method kept open (its snapshot) and the longest one that had written rows (its row
 * locks), to within the sampling period.
 */
final class TransactionWatch implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong longestMillis = new AtomicLong();
  private volatile String longestQuery = "";
  private final AtomicLong longestWritingMillis = new AtomicLong();
  private final Thread thread;

  TransactionWatch(Connection connection) {
    thread = new Thread(() -> sample(connection), "transaction-watch");
    thread.setDaemon(true);
    thread.start();
  }

  long longestMillis() {
    return longestMillis.get();
  }

  /** The longest transaction that had written (it has a transaction id): how long row locks were held at most. */
  long longestWritingMillis() {
    return longestWritingMillis.get();
  }

  /** The last statement of the longest transaction seen, as pg_stat_activity showed it. */
  String longestQuery() {
    return longestQuery;
  }

  private void sample(Connection connection) {
    try (connection; Statement statement = connection.createStatement()) {
      while (running.get()) {
        try (ResultSet rows = statement.executeQuery("""
            SELECT extract(epoch FROM clock_timestamp() - xact_start) * 1000, state || ': ' || left(query, 200),
                   backend_xid IS NOT NULL
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
            ORDER BY xact_start""")) {
          while (rows.next()) {
            long millis = Math.round(rows.getDouble(1));
            if (rows.getBoolean(3)) {
              longestWritingMillis.accumulateAndGet(millis, Math::max);
            }
            if (millis > longestMillis.get()) {
              longestMillis.set(millis);
              longestQuery = rows.getString(2);
            }
          }
        }
        Thread.sleep(20);
      }
    } catch (SQLException e) {
      if (running.get()) {
        throw new IllegalStateException("transaction watch failed", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
  }
}
