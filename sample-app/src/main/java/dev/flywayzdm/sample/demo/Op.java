package dev.flywayzdm.sample.demo;

/**
 * One application operation as the client saw it.
 *
 * @param startNanos {@link System#nanoTime()} when the call began
 * @param latencyNanos how long the call took, waiting included
 */
record Op(long startNanos, long latencyNanos, OpKind kind, boolean ok) {

  long endNanos() {
    return startNanos + latencyNanos;
  }

  /** True when this operation was in flight at some moment of [from, to]. */
  boolean overlaps(long fromNanos, long toNanos) {
    return startNanos <= toNanos && endNanos() >= fromNanos;
  }
}
