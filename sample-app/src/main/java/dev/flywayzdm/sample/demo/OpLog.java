package dev.flywayzdm.sample.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Every operation the traffic made, and the distinct errors it met; safe for many writer threads. */
final class OpLog {

  private final Queue<Op> ops = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder recent = new LongAdder();
  private final LongAdder recentFailed = new LongAdder();
  private final AtomicLong recentSlowest = new AtomicLong();

  void ok(OpKind kind, long startNanos, long latencyNanos) {
    add(new Op(startNanos, latencyNanos, kind, true));
  }

  void failed(OpKind kind, long startNanos, long latencyNanos, Throwable error) {
    add(new Op(startNanos, latencyNanos, kind, false));
    recentFailed.increment();
    errors.computeIfAbsent(firstLine(error), k -> new LongAdder()).increment();
  }

  private void add(Op op) {
    ops.add(op);
    recent.increment();
    recentSlowest.accumulateAndGet(op.latencyNanos(), Math::max);
  }

  /** Operations since the previous call, failed ones and the slowest, for progress lines. */
  String drainProgress() {
    long count = recent.sumThenReset();
    long failed = recentFailed.sumThenReset();
    long slowest = recentSlowest.getAndSet(0);
    return String.format("%,d ops, %d failed, slowest %s", count, failed, Durations.millis(slowest));
  }

  /** All operations so far, in start order. */
  List<Op> ops() {
    List<Op> all = new ArrayList<>(ops);
    all.sort(Comparator.comparingLong(Op::startNanos));
    return all;
  }

  /** Distinct error messages and how often each occurred, most frequent first. */
  Map<String, Long> errors() {
    Map<String, Long> sorted = new LinkedHashMap<>();
    errors.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
    return sorted;
  }

  private static String firstLine(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
