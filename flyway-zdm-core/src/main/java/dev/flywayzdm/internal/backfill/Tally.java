package dev.flywayzdm.internal.backfill;

import java.time.Duration;

/** What one run of a backfill has done so far, across the walk and the final passes. */
final class Tally {

  long walkRows;
  long finalRows;
  long batches;
  long finalBatches;
  long longestBatchNanos;

  long rows() {
    return walkRows + finalRows;
  }

  void batch(long rows, boolean finalPass, long nanos) {
    if (finalPass) {
      finalRows += rows;
      finalBatches++;
    } else {
      walkRows += rows;
    }
    batches++;
    longestBatchNanos = Math.max(longestBatchNanos, nanos);
  }

  Duration longestBatch() {
    return Duration.ofNanos(longestBatchNanos);
  }
}
