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

  /** True when this operation started within [from, to]. */
  boolean startedWithin(long fromNanos, long toNanos) {
    return startNanos >= fromNanos && startNanos <= toNanos;
  }
}
