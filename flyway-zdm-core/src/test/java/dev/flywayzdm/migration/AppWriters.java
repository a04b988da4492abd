package dev.flywayzdm.migration;

import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application writers running against the test database while a migration runs: each thread has
 * its own autocommit connection and writes in a loop; every write's duration and every failure is
 * recorded, with the time each write finished.
 */
final class AppWriters implements AutoCloseable {

  /** One write of the simulated application, on its own connection. */
  @FunctionalInterface
  interface Write {
    void run(Connection connection, ThreadLocalRandom random) throws SQLException;
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> finishedAt = new ConcurrentLinkedQueue<>();
  private final AtomicLong maxNanos = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();

  /** Starts {@code threads} writers doing {@code write} until {@link #close()}. */
  static AppWriters start(TestDatabase db, String name, int threads, Write write) throws SQLException {
    AppWriters load = new AppWriters();
    load.add(db, name, threads, write);
    return load;
  }

  /** Adds writers of another kind (a second application version) to the running load. */
  void add(TestDatabase db, String name, int count, Write write) throws SQLException {
    for (int i = 0; i < count; i++) {
      Connection connection = db.connect();
      Thread thread = new Thread(() -> loop(connection, write), name + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void loop(Connection connection, Write write) {
    try (connection) {
      while (running.get()) {
        long start = System.nanoTime();
        try {
          write.run(connection, ThreadLocalRandom.current());
        } catch (SQLException | RuntimeException e) {
          if (running.get()) {
            failures.add(e);
          }
        }
        long end = System.nanoTime();
        maxNanos.accumulateAndGet(end - start, Math::max);
        finishedAt.add(end);
        writes.incrementAndGet();
      }
    } catch (SQLException e) {
      failures.add(e);
    }
  }

  /** Waits until the writers have written at least {@code count} more times (bounded). */
  void awaitWrites(long count) throws InterruptedException {
    long target = writes.get() + count;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (writes.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    if (writes.get() < target) {
      throw new IllegalStateException("writers made no progress: " + writes.get() + " writes, wanted " + target);
    }
  }

  long writes() {
    return writes.get();
  }

  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  Duration longestWrite() {
    return Duration.ofNanos(maxNanos.get());
  }

  /** How many writes finished between the two {@code System.nanoTime()} instants. */
  long writesFinishedBetween(long fromNanos, long toNanos) {
    return finishedAt.stream().filter(t -> t >= fromNanos && t <= toNanos).count();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
