package dev.flywayzdm.sample.demo;

import dev.flywayzdm.sample.app.Releases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The application's load: a few threads calling the live release's repositories at a steady pace,
 * a mix of reads, inserts and updates of users and orders. Every call is timed on the client and
 * recorded, waits included; nothing is retried, so a failed call is a failed user request.
 */
final class Traffic implements AutoCloseable {

  private final Releases releases;
  private final int threads;
  private final long periodNanos;
  private final long userIds;
  private final long orderIds;
  private final Duration maxDuration;
  private final OpLog log = new OpLog();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  /**
   * @param opsPerSecond per thread; a thread never catches up on calls it missed while waiting
   * @param userIds reads and updates pick among users 1..userIds (the loaded ones)
   * @param maxDuration the traffic stops by itself after this, whatever happens to the demo
   */
  Traffic(Releases releases, int threads, int opsPerSecond, long userIds, long orderIds, Duration maxDuration) {
    this.releases = releases;
    this.threads = threads;
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) / opsPerSecond;
    this.userIds = userIds;
    this.orderIds = orderIds;
    this.maxDuration = maxDuration;
  }

  OpLog log() {
    return log;
  }

  void start() {
    running.set(true);
    long deadline = System.nanoTime() + maxDuration.toNanos();
    for (int i = 0; i < threads; i++) {
      long seed = 7919L * (i + 1);
      Thread worker = new Thread(() -> work(new SplittableRandom(seed), deadline), "traffic-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Stops the threads after their current call; waits for each at most the given time. */
  void stop(Duration bound) throws InterruptedException {
    running.set(false);
    for (Thread worker : workers) {
      worker.join(bound.toMillis());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }

  private void work(SplittableRandom random, long deadline) {
    long next = System.nanoTime();
    while (running.get() && System.nanoTime() < deadline) {
      call(random);
      next = Math.max(next + periodNanos, System.nanoTime());
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  private void call(SplittableRandom random) {
    int dice = random.nextInt(100);
    long user = 1 + random.nextLong(userIds);
    long order = 1 + random.nextLong(orderIds);
    OpKind kind = dice < 50 ? OpKind.READ : dice < 75 ? OpKind.INSERT : OpKind.UPDATE;
    long start = System.nanoTime();
    try {
      switch (dice % 2) {
        case 0 -> usersCall(kind, user, random);
        default -> ordersCall(kind, user, order, random);
      }
      log.ok(kind, start, System.nanoTime() - start);
    } catch (RuntimeException e) {
      log.failed(kind, start, System.nanoTime() - start, e);
    }
  }

  private void usersCall(OpKind kind, long user, SplittableRandom random) {
    switch (kind) {
      case READ -> releases.users().find(user);
      case INSERT -> releases.users().register("new" + random.nextLong(1_000_000_000L) + "@example.com", "New User");
      case UPDATE -> releases.users().rename(user, "Renamed " + random.nextInt(1000));
    }
  }

  private void ordersCall(OpKind kind, long user, long order, SplittableRandom random) {
    switch (kind) {
      case READ -> releases.orders().find(order);
      case INSERT -> releases.orders().place(user, 100 + random.nextInt(100_000));
      case UPDATE -> releases.orders().ship(order);
    }
  }
}
