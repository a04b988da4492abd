package dev.flywayzdm.internal.backfill;

import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Asked before every batch of a backfill whether it may run now: the seam where throttles (replica
 * lag, an operator's pause, a user's throttle query) hold the walk. A gate that must wait blocks in
 * {@link #beforeBatch} (bounded, logging who it waits for); one that gives up throws, and the
 * checkpoint keeps the progress for the rerun.
 */
public interface BatchGate {

  /** The gate that never holds a batch. */
  BatchGate OPEN = batch -> OptionalInt.empty();

  /**
   * Returns once the next batch may run.
   *
   * @return a batch size the walk should use from now on (an operator's override), or empty to keep its own
   */
  OptionalInt beforeBatch(NextBatch batch) throws SQLException, InterruptedException;

  /** What the walk is about to do: the migration, the batch size it would use and how far it is. */
  record NextBatch(String migration, int batchSize, long batchesDone, long rowsDone) {}
}
