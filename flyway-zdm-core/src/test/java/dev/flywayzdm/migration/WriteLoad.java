package dev.flywayzdm.migration;

import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application traffic for zero-downtime tests: writer threads that insert and update rows of a
 * table as fast as they can (paced lightly), each write in its own autocommit transaction, timing
 * every write. Writers have no lock_timeout of their own: a write that queues behind a lock shows
 * its full wait.
 *
 * <p>The table needs columns {@code id bigint}, {@code note bigint}; inserts take ids above
 * {@code insertFrom}, updates hit random ids in {@code [1, updateUpTo]}.
 */
final class WriteLoad implements AutoCloseable {

  /** What the writers saw. */
  record Result(long writes, Duration maxWait, List<String> failures) {}

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong maxWaitNanos = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final CountDownLatch running;
  private volatile boolean stopped;

  private WriteLoad(int writers) {
    running = new CountDownLatch(writers);
  }

  static WriteLoad start(TestDatabase db, String table, int writers, long updateUpTo, AtomicLong nextId)
      throws InterruptedException {
    WriteLoad load = new WriteLoad(writers);
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(() -> load.write(db, table, updateUpTo, nextId), "writer-" + i);
      thread.setDaemon(true);
      load.threads.add(thread);
      thread.start();
    }
    if (!load.running.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("writers did not start within 30 s");
    }
    return load;
  }

  /** Waits until the writers have done at least {@code count} more writes (bounded). */
  void awaitWrites(long count) throws InterruptedException {
    long target = writes.get() + count;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (writes.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  Result stop() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
    return new Result(writes.get(), Duration.ofNanos(maxWaitNanos.get()), List.copyOf(failures));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void write(TestDatabase db, String table, long updateUpTo, AtomicLong nextId) {
    try (Connection connection = db.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET statement_timeout = '60s'");
      }
      running.countDown();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, note) VALUES (?, 0)");
          PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET note = note + 1 WHERE id = ?")) {
        while (!stopped) {
          boolean inserting = ThreadLocalRandom.current().nextBoolean();
          PreparedStatement statement = inserting ? insert : update;
          statement.setLong(1, inserting ? nextId.incrementAndGet() : ThreadLocalRandom.current().nextLong(1, updateUpTo + 1));
          long start = System.nanoTime();
          statement.executeUpdate();
          maxWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
          writes.incrementAndGet();
          Thread.sleep(3);
        }
      }
    } catch (SQLException e) {
      failures.add(Thread.currentThread().getName() + ": [" + e.getSQLState() + "] " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.countDown();
    }
  }
}
