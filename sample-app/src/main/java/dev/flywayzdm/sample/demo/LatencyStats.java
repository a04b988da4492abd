package dev.flywayzdm.sample.demo;

import java.util.Arrays;
import java.util.Collection;

/**
 * Outcome and latency of a set of operations.
 *
 * @param p50Nanos median latency of all operations, failed ones included
 */
record LatencyStats(long ok, long failed, long p50Nanos, long p99Nanos, long maxNanos) {

  static LatencyStats of(Collection<Op> ops) {
    long[] latencies = ops.stream().mapToLong(Op::latencyNanos).sorted().toArray();
    long failed = ops.stream().filter(op -> !op.ok()).count();
    if (latencies.length == 0) {
      return new LatencyStats(0, 0, 0, 0, 0);
    }
    return new LatencyStats(latencies.length - failed, failed, percentile(latencies, 0.50),
        percentile(latencies, 0.99), latencies[latencies.length - 1]);
  }

  long total() {
    return ok + failed;
  }

  private static long percentile(long[] sorted, double fraction) {
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return Arrays.toString(new long[] {ok, failed, p50Nanos, p99Nanos, maxNanos});
  }
}
