package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * How far one pass of a backfill is, logged every {@link #LOG_EVERY}: done of the estimated total,
 * rows/s, ETA, the batch size, and how long the gate (throttles) held the batches since the last
 * line. The same rate and ETA go into the checkpoint row, for operators who read it with SQL.
 */
final class Progress {

  static final Duration LOG_EVERY = Duration.ofSeconds(5);
  private static final ZdmLog LOG = ZdmLog.of(BackfillRunner.class);

  private final String what;
  private final String unit;
  private final long total;
  private final long doneBefore;
  private final boolean updating;
  private final long start = System.nanoTime();
  private long lastLog = start;
  private long done;
  private long rows;
  private long heldSinceLog;

  /**
   * @param unit what the walk counts ("keys", "pages")
   * @param total the estimated total of units, 0 when unknown
   * @param doneBefore units done by earlier runs of this pass (a resumed checkpoint)
   */
  Progress(String what, String unit, long total, long doneBefore, boolean updating) {
    this.what = what;
    this.unit = unit;
    this.total = total;
    this.doneBefore = doneBefore;
    this.updating = updating;
  }

  /** The gate held the next batch this long. */
  void held(long nanos) {
    heldSinceLog += nanos;
  }

  /** One batch committed; logs when the last line is {@link #LOG_EVERY} old. */
  void batch(long units, long batchRows, String batchSize) {
    done += units;
    rows += batchRows;
    long now = System.nanoTime();
    if (now - lastLog >= LOG_EVERY.toNanos()) {
      log(now, batchSize);
      lastLog = now;
      heldSinceLog = 0;
    }
  }

  long rows() {
    return rows;
  }

  /** The estimated rows of the table when this pass counts keys (one per row), else 0. */
  long rowEstimate() {
    return unit.startsWith("keys") ? total : 0;
  }

  /** Rows updated per second of this run's pass, gate waits included. */
  long rowsPerSecond() {
    return Math.round(rows / seconds(System.nanoTime()));
  }

  /** Seconds left at this run's rate, or -1 when unknown (no estimate, nothing done yet, past the estimate). */
  long etaSeconds() {
    double perSecond = done / seconds(System.nanoTime());
    long all = doneBefore + done;
    return total > all && perSecond > 0 ? Math.round((total - all) / perSecond) : -1;
  }

  private void log(long now, String batchSize) {
    long all = doneBefore + done;
    StringBuilder line = new StringBuilder();
    if (updating) {
      line.append(rows).append(" rows updated, ");
    } else {
      line.append(rows).append(" rows match, ");
    }
    line.append(all).append(' ').append(unit);
    if (total > 0) {
      line.append(" of ~").append(total).append(" (").append(Math.min(100, all * 100 / total)).append("%)");
    }
    if (updating) {
      line.append(", ").append(rowsPerSecond()).append(" rows/s");
    }
    long eta = etaSeconds();
    if (eta >= 0) {
      line.append(", ETA ").append(DurationText.roughly(Duration.ofSeconds(eta)));
    }
    line.append(", batch size ").append(batchSize);
    long sinceLog = now - lastLog;
    // A gate that lets the batch through at once costs microseconds: only a real hold is a throttle.
    line.append(heldSinceLog >= 10_000_000L
        ? ", throttled " + heldSinceLog / 1_000_000 + " ms of the last " + DurationText.roughly(Duration.ofNanos(sinceLog))
        : ", not throttled");
    LOG.info("{}: {}", what, line);
  }

  private double seconds(long now) {
    return Math.max((now - start) / 1e9, 0.001);
  }
}
