package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.settings.SettingKey;
import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.step.StepSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Optional;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * One walk over the key, from a position to the table's last key of now, batch by batch: each
 * batch one short transaction with its checkpoint. The walk's batch is a plain range UPDATE that
 * waits at most {@link #WALK_LOCK_WAIT} for a row the application holds; only when that wait runs
 * out does the batch (from a savepoint) lock its rows with {@code SKIP LOCKED} first, because
 * locking every row before updating it writes each heap tuple twice and halves the walk's rate.
 */
final class KeyWalk {

  /** What a walk over the key does in each batch. */
  enum Pass {
    /** Updates the rows of the next {@code n} keys that match, skipping rows locked by others. */
    WALK,
    /** Updates at most {@code n} matching rows of the next window of keys, waiting for locked rows. */
    FINAL,
    /** Only counts the matching rows of each window of keys. */
    COUNT
  }

  /** How long a walk batch waits for a row lock before it skips the locked rows (the final pass gets them). */
  static final Duration WALK_LOCK_WAIT = Duration.ofMillis(50);
  /** Keys a final-pass batch reads, as a multiple of the batch size: most of them need nothing, reading is cheap. */
  static final int FINAL_PASS_WINDOW = 10;
  static final int MAX_BATCH = 1_000_000;
  private static final ZdmLog LOG = ZdmLog.of(BackfillRunner.class);

  private final String migration;
  private final StepSettings settings;
  private final BatchGate gate;
  private final Connection connection;
  private final BackfillSpec spec;
  private final WalkKey key;
  private final Checkpoint checkpoint;
  private final Duration pause;
  private final long estimatedRows;
  private final Duration statementTimeout;
  private final KeyRangeSql sql;
  private final BatchSizer size;
  private final Tally tally;

  KeyWalk(BackfillRun run, WalkKey key, BatchSizer size, long estimatedRows) {
    this.migration = run.migration();
    this.settings = run.settings();
    this.gate = run.gate();
    this.connection = run.connection();
    this.spec = run.spec();
    this.checkpoint = run.checkpoint();
    this.pause = run.pause();
    this.statementTimeout = run.statementTimeout();
    this.tally = run.tally();
    this.key = key;
    this.size = size;
    this.estimatedRows = estimatedRows;
    this.sql = new KeyRangeSql(migration, spec, key);
  }

  /** Walks from {@code from} to the table's last key of now; the rows updated (or, counting, matching) on the way. */
  long run(Optional<String[]> from, long keysBefore, Pass pass) throws SQLException, InterruptedException {
    String what = migration + ": " + switch (pass) {
      case WALK -> "backfilling ";
      case FINAL -> "final pass over ";
      case COUNT -> "counting the rows that still match in ";
    } + spec.table();
    // Walk up to the last key of now: rows inserted later are the final pass's, so inserts cannot keep the walk going.
    Optional<String[]> end = lastKey();
    if (end.isEmpty()) {
      return 0;
    }
    Progress progress = new Progress(what, "keys walked", estimatedRows, keysBefore, pass != Pass.COUNT);
    Optional<String[]> lower = from;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException(what + ": interrupted; the checkpoint keeps the progress, rerun to continue");
      }
      if (pass != Pass.COUNT) {
        long asked = System.nanoTime();
        gate.beforeBatch(new BatchGate.NextBatch(migration, size.size(), tally.batches, tally.rows()))
            .ifPresent(size::set);
        progress.held(System.nanoTime() - asked);
      }
      long batchStart = System.nanoTime();
      Batch batch;
      try {
        batch = batch(what, lower, end.get(), pass, progress);
      } catch (SQLException e) {
        if (!"57014".equals(e.getSQLState()) || size.size() == 1) {
          throw e;
        }
        size.halve();
        LOG.warn("{}: a batch hit statement_timeout {}; halving the batch size to {}", what,
            DurationText.format(statementTimeout), size.size());
        continue;
      }
      if (batch == null) {
        break;
      }
      long took = System.nanoTime() - batchStart;
      if (pass != Pass.COUNT) {
        tally.batch(batch.rows(), pass == Pass.FINAL, took);
      }
      lower = Optional.of(batch.upper());
      size.adapt(Duration.ofNanos(took));
      progress.batch(batch.keys(), batch.rows(), pass == Pass.WALK ? String.valueOf(size.size())
          : size.size() + " (reading up to " + window() + " keys)");
      if (!pause.isZero() && pass != Pass.COUNT) {
        Thread.sleep(pause.toMillis());
      }
    }
    if (pass == Pass.FINAL) {
      LOG.info("{}: {} rows updated", what, progress.rows());
    }
    return progress.rows();
  }

  /** Keys a final-pass or counting batch reads at most. */
  private int window() {
    return (int) Math.min(MAX_BATCH, (long) size.size() * FINAL_PASS_WINDOW);
  }

  /** One batch in its own transaction, with the checkpoint; null when the walk is at the end. */
  private Batch batch(String what, Optional<String[]> lower, String[] end, Pass pass, Progress progress) throws SQLException {
    return new LockRetry(settings.backfillLocks(), SettingKey.BACKFILL_LOCK_RETRIES.qualified()).inShortTransaction(connection, what, spec.table().quoted(), statementTimeout,
        tx -> {
          Optional<KeyRangeSql.Range> range = pass == Pass.WALK ? sql.range(tx, lower, end, size.size())
              : sql.matchingRange(tx, lower, end, pass == Pass.COUNT, size.size(), window());
          if (range.isEmpty()) {
            return null;
          }
          if (pass == Pass.COUNT) {
            return new Batch(range.get().upper(), range.get().keys(), range.get().matching());
          }
          String[] upper = range.get().upper();
          long updated = range.get().matching() == 0 ? 0
              : pass == Pass.WALK ? walkUpdate(tx, lower, upper) : sql.update(tx, lower, upper, false);
          checkpoint.advance(tx, upper, updated, range.get().keys(), pass == Pass.FINAL, progress);
          return new Batch(upper, range.get().keys(), updated);
        });
  }

  /** The walk's UPDATE of a range: plain, waiting briefly for held rows; else skipping the rows held. */
  private long walkUpdate(Connection tx, Optional<String[]> lower, String[] upper) throws SQLException {
    ShortTransaction.setLocal(tx, "lock_timeout", min(WALK_LOCK_WAIT, settings.locks().lockTimeout()));
    Savepoint before = tx.setSavepoint();
    long updated;
    try {
      updated = sql.update(tx, lower, upper, false);
    } catch (SQLException e) {
      if (!"55P03".equals(e.getSQLState())) {
        throw e;
      }
      tx.rollback(before);
      ShortTransaction.setLocal(tx, "lock_timeout", settings.locks().lockTimeout());
      updated = sql.update(tx, lower, upper, true);
    }
    // No RELEASE and no reset of lock_timeout: the commit ends both, and the checkpoint row, the only statement
    // left in this transaction, is the library's own. Under load every round trip of a batch costs a scheduling delay.
    return updated;
  }

  private static Duration min(Duration a, Duration b) {
    return b.isZero() || a.compareTo(b) <= 0 ? a : b;
  }

  /** The table's greatest key now, as text; empty for an empty table. */
  private Optional<String[]> lastKey() throws SQLException {
    String text = "SELECT " + key.asText("t") + " FROM " + spec.table().quoted() + " t ORDER BY " + key.orderBy("t", " DESC") + " LIMIT 1";
    return ShortTransaction.run(connection, settings.locks().lockTimeout(), statementTimeout, tx -> {
      try (PreparedStatement statement = tx.prepareStatement(text); ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String[] last = new String[key.size()];
        for (int i = 0; i < last.length; i++) {
          last[i] = rows.getString(i + 1);
        }
        return Optional.of(last);
      }
    });
  }

  private record Batch(String[] upper, long keys, long rows) {}
}
