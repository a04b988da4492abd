package dev.flywayzdm.sample.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classic cause of a migration outage: a long transaction (here a report over {@code users})
 * that holds its ACCESS SHARE lock for some seconds. A plain ALTER TABLE queues behind it, and
 * every later query on the table queues behind the ALTER.
 */
final class ReportingQuery {

  private final Thread thread;
  private final CountDownLatch holding = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong startNanos = new AtomicLong();
  private final AtomicLong endNanos = new AtomicLong();

  private ReportingQuery(Connection connection, String table, Duration hold) {
    thread = new Thread(() -> run(connection, table, hold), "reporting-query");
    thread.setDaemon(true);
  }

  /**
   * Opens the transaction on its own connection and returns once it holds its lock on the table.
   * The transaction ends by itself after {@code hold}.
   */
  static ReportingQuery start(DemoDatabase database, String table, Duration hold) throws SQLException, InterruptedException {
    ReportingQuery query = new ReportingQuery(database.connect(), table, hold);
    query.thread.start();
    if (!query.holding.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the reporting query did not get its lock on " + table + " within 30 s");
    }
    if (query.failure.get() != null) {
      throw new IllegalStateException("the reporting query failed", query.failure.get());
    }
    return query;
  }

  long startNanos() {
    return startNanos.get();
  }

  /** When the transaction ended; 0 while it runs. */
  long endNanos() {
    return endNanos.get();
  }

  /** Waits for the transaction to end, at most {@code bound}. */
  void awaitEnd(Duration bound) throws InterruptedException {
    thread.join(bound.toMillis());
  }

  private void run(Connection connection, String table, Duration hold) {
    try (connection) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
        rows.next();
      }
      startNanos.set(System.nanoTime());
      holding.countDown();
      // The rest of the report: it keeps the transaction, and its lock, open.
      try (PreparedStatement sleep = connection.prepareStatement("SELECT pg_sleep(?)")) {
        sleep.setDouble(1, hold.toMillis() / 1000.0);
        sleep.execute();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      failure.set(e);
    } finally {
      endNanos.set(System.nanoTime());
      holding.countDown();
    }
  }
}
