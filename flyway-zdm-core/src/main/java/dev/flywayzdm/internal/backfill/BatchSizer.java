package dev.flywayzdm.internal.backfill;

import java.time.Duration;
import java.util.Optional;

/**
 * The size of the next batch: moved toward a target batch duration after every batch (at most
 * doubling or halving, so one slow batch cannot overshoot far), or fixed when there is no target.
 * The unit is whatever a batch counts: keys for the walk, heap pages for the final pass.
 */
final class BatchSizer {

  /**
   * The target when the migration sets neither a batch size nor a target: short enough that a
   * batch, doubled once by a sudden slowdown, stays under a quarter of a second of row locks; long
   * enough that the few milliseconds of fixed cost per batch (round trips, commit, checkpoint row)
   * stay around 2 % of it.
   */
  static final Duration DEFAULT_TARGET = Duration.ofMillis(100);

  private final Optional<Duration> target;
  private final int max;
  private int size;

  BatchSizer(int initial, int max, Optional<Duration> target) {
    this.size = Math.max(1, Math.min(max, initial));
    this.max = max;
    this.target = target;
  }

  int size() {
    return size;
  }

  /** An override (an operator's batch size from the gate), kept until the next adaptation moves it. */
  void set(int value) {
    size = Math.max(1, Math.min(max, value));
  }

  void halve() {
    size = Math.max(1, size / 2);
  }

  /** After a batch that covered the whole current size and took {@code took}. */
  void adapt(Duration took) {
    target.ifPresent(t -> {
      double factor = Math.max(0.5, Math.min(2.0, (double) t.toNanos() / Math.max(took.toNanos(), 1)));
      size = (int) Math.max(1, Math.min(max, Math.round(size * factor)));
    });
  }
}
