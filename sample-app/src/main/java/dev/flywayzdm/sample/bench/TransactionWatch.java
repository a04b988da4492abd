package dev.flywayzdm.sample.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the age of the oldest open transaction of other sessions in the database every 20 ms:
 * the longest transaction a backfill method kept open (to within the sampling period), which is how
 * long it held its row locks and its snapshot.
 */
final class TransactionWatch implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong longestMillis = new AtomicLong();
  private final Thread thread;

  TransactionWatch(Connection connection) {
    thread = new Thread(() -> sample(connection), "transaction-watch");
    thread.setDaemon(true);
    thread.start();
  }

  long longestMillis() {
    return longestMillis.get();
  }

  private void sample(Connection connection) {
    try (connection; Statement statement = connection.createStatement()) {
      while (running.get()) {
        try (ResultSet rows = statement.executeQuery("""
            SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start) * 1000), 0)
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL""")) {
          rows.next();
          longestMillis.accumulateAndGet(Math.round(rows.getDouble(1)), Math::max);
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
