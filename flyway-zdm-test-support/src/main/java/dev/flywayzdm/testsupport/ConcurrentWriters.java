package dev.flywayzdm.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Application writers for lock tests: threads that each run one statement over and over on a
 * connection of their own (autocommit, as an application's short transactions), measuring the
 * longest single call. A migration whose lock request queues them shows as a long call.
 *
 * <pre>{@code
 * try (ConcurrentWriters writers = ConcurrentWriters.start(db, 3, "INSERT INTO orders DEFAULT VALUES")) {
 *   flyway.migrate();
 *   assertThat(writers.longestCall()).isLessThan(Duration.ofMillis(600));
 * }
 * }</pre>
 */
public final class ConcurrentWriters implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong longestNanos = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicReference<SQLException> failure = new AtomicReference<>();

  private ConcurrentWriters() {}

  /** Starts {@code threads} writers running {@code sql}; returns once each has made its first call. */
  public static ConcurrentWriters start(TestDatabase db, int threads, String sql) throws SQLException {
    ConcurrentWriters writers = new ConcurrentWriters();
    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Connection connection = db.connect();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET application_name = 'app-writer-" + i + "'");
        statement.execute(sql);
      }
      connections.add(connection);
    }
    for (Connection connection : connections) {
      Thread thread = new Thread(() -> writers.loop(connection, sql), "app-writer");
      thread.setDaemon(true);
      writers.threads.add(thread);
      thread.start();
    }
    return writers;
  }

  private void loop(Connection connection, String sql) {
    try (connection; Statement statement = connection.createStatement()) {
      while (running.get()) {
        long start = System.nanoTime();
        statement.execute(sql);
        long took = System.nanoTime() - start;
        longestNanos.accumulateAndGet(took, Math::max);
        calls.incrementAndGet();
        Thread.sleep(5);
      }
    } catch (SQLException e) {
      failure.compareAndSet(null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest single call so far. */
  public Duration longestCall() {
    return Duration.ofNanos(longestNanos.get());
  }

  /** Calls made so far, by all writers. */
  public long calls() {
    return calls.get();
  }

  /** The first error a writer met (it stopped then); null when none did. */
  public SQLException failure() {
    return failure.get();
  }

  /** Stops the writers and waits for them (each finishes its current call). */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
