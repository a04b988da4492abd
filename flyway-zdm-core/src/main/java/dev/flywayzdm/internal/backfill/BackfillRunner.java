package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.settings.SettingKey;
import dev.flywayzdm.internal.backfill.Checkpoint.State;
import dev.flywayzdm.internal.backfill.Checkpoint.Status;
import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.pg.TableCatalog;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.step.StepSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Runs a batched backfill: walks the table's key in ranges of {@code n} keys, each range one short
 * transaction that updates the rows in it still matching the predicate and advances the
 * checkpoint; then final passes over rows that match again (written behind the walk, or skipped
 * because the application held them), until one whole pass finds none.
 *
 * <p>Each range is found from the key index alone ({@code key > last ORDER BY key LIMIT n}), so
 * every batch reads at most {@code n} keys however few of them need work, and the walk reads
 * each key once in total, across kills and reruns. Rows locked by the application are skipped
 * ({@code SKIP LOCKED}) during the walk and waited for, with lock_timeout and retries, in the
 * final pass. No key is ever collected client-side.
 *
 * <p>The final pass is batched the same way: each batch reads at most {@value #FINAL_PASS_WINDOW}
 * times {@code n} keys, and stops early after the {@code n}-th row that matches, so it neither
 * holds a snapshot over the whole table (as one {@code WHERE predicate LIMIT n} over a table where
 * almost nothing matches would) nor locks more than {@code n} rows at once.
 */
public final class BackfillRunner {

  private static final ZdmLog LOG = ZdmLog.of(BackfillRunner.class);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);
  private static final int MAX_BATCH = 1_000_000;
  private static final int FINAL_PASSES = 3;
  /** Keys a final-pass batch reads, as a multiple of the batch size: most of them need nothing, reading is cheap. */
  static final int FINAL_PASS_WINDOW = 10;

  /** What a backfill did in this run. */
  public record Result(long rowsUpdated, long finalPassRows, long remaining, long batches, long finalPassBatches,
      Duration longestBatch) {}

  /** What a walk over the key does in each batch. */
  private enum Pass {
    /** Updates the rows of the next {@code n} keys that match, skipping rows locked by others. */
    WALK,
    /** Updates at most {@code n} matching rows of the next window of keys, waiting for locked rows. */
    FINAL,
    /** Only counts the matching rows of each window of keys. */
    COUNT
  }

  private final String migration;
  private final StepSettings settings;
  private final QualifiedName checkpointTable;
  private final BatchGate gate;

  /** The backfill of one migration step, checkpointed in the step's checkpoint table. */
  public BackfillRunner(StepContext step) {
    this(step, BatchGate.OPEN);
  }

  /** The backfill of one migration step, asking {@code gate} before every batch. */
  public BackfillRunner(StepContext step, BatchGate gate) {
    this(step.name(), step.settings(), step.checkpointTable(), gate);
  }

  public BackfillRunner(String migration, StepSettings settings, QualifiedName checkpointTable, BatchGate gate) {
    this.migration = migration;
    this.settings = settings;
    this.checkpointTable = checkpointTable;
    this.gate = gate;
  }

  public Result run(Connection connection, BackfillSpec spec) throws SQLException, InterruptedException {
    QualifiedName table = spec.table();
    if (!TableCatalog.exists(connection, table)) {
      throw new IllegalArgumentException(migration + ": cannot backfill table " + table + ": it does not exist");
    }
    WalkKey key = WalkKey.resolve(connection, migration, table, spec.key());
    Checkpoint checkpoint = new Checkpoint(checkpointTable, migration);
    checkpoint.ensureTable(connection);
    String definition = spec.describe();
    State state = checkpoint.load(connection, table.quoted(), definition);
    if (!state.definition().equals(definition)) {
      LOG.warn("{}: the backfill changed since its checkpoint was written (was: {}); continuing from the checkpoint",
          migration, state.definition());
    }
    int batchSize = spec.batchSize().orElse(settings.backfillBatchSize());
    Duration pause = spec.pause().orElse(settings.backfillPause());
    Walk walk = new Walk(connection, spec, key, checkpoint, batchSize, pause, estimateRows(connection, table));
    LOG.info("{}: backfilling {} (SET {} WHERE {}) by key {}, {} rows per batch{}{}", migration, table, spec.set(),
        spec.where(), key.describe(), batchSize, pause.isZero() ? "" : ", pausing " + DurationText.format(pause),
        state.status() == Status.WALKING && state.lastKey().isEmpty() ? ""
            : "; resuming (" + state.status().text + ", after key " + state.lastKey().map(Arrays::toString).orElse("start")
                + ", " + state.rowsDone() + " rows done before)");

    if (state.status() == Status.DONE) {
      LOG.info("{}: the backfill finished in an earlier run; checking again with a final pass", migration);
      checkpoint.status(connection, Status.FINAL_PASS, definition);
      state = checkpoint.load(connection, table.quoted(), definition);
    }
    if (state.status() == Status.WALKING) {
      walk.run(state.lastKey(), state.keysWalked(), Pass.WALK);
      checkpoint.status(connection, Status.FINAL_PASS, definition);
      state = checkpoint.load(connection, table.quoted(), definition);
    }
    // A pass resumed from a checkpoint covers only its tail: only a whole pass that finds nothing proves that nothing matches.
    Optional<String[]> from = state.lastKey();
    long remaining = -1;
    for (int pass = 1; pass <= FINAL_PASSES; pass++) {
      long updated = walk.run(from, 0, Pass.FINAL);
      if (updated == 0 && from.isEmpty()) {
        remaining = 0;
        break;
      }
      from = Optional.empty();
      checkpoint.status(connection, Status.FINAL_PASS, definition);
      if (pass < FINAL_PASSES) {
        LOG.info("{}: the final pass over {} updated {} rows matching \"{}\" (written behind the walk, or held by the"
            + " application); pass {} of at most {} checks again", migration, table, updated, spec.where(), pass + 1, FINAL_PASSES);
      }
    }
    if (remaining < 0) {
      remaining = walk.run(Optional.empty(), 0, Pass.COUNT);
    }
    checkpoint.finish(connection, remaining);
    Result result = new Result(walk.rows + walk.finalRows, walk.finalRows, remaining, walk.batches, walk.finalBatches,
        Duration.ofNanos(walk.longestBatchNanos));
    if (remaining == 0) {
      LOG.info("{}: backfill of {} done: {} rows updated in {} batches (longest {} ms; {} rows in {} batches of the"
          + " final pass); no row matches \"{}\" any more", migration, table, result.rowsUpdated(), result.batches(),
          result.longestBatch().toMillis(), result.finalPassRows(), result.finalPassBatches(), spec.where());
    } else {
      // Not a success: Flyway would record the migration as applied and the recommended rerun could never happen.
      throw new IllegalStateException(migration + ": backfill of " + table + " walked the whole table, but " + remaining
          + " rows still match \"" + spec.where() + "\" after " + FINAL_PASSES + " final passes: something keeps writing"
          + " them (an application version that predates this migration?). The migration is not recorded as applied;"
          + " once the writer stops, the same migrate runs it again, and it resumes with a final pass over the rows"
          + " that still match (the checkpoint in " + checkpointTable + " keeps the progress).");
    }
    return result;
  }

  /** Rows the planner believes the table has (summed over partitions); 0 when never analyzed. */
  private static long estimateRows(Connection connection, QualifiedName table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint"
        + " FROM pg_partition_tree(to_regclass(?)) p JOIN pg_class c ON c.oid = p.relid WHERE p.isleaf")) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  /** One walk over the key, from a position to the end, batch by batch. */
  private final class Walk {
    private final Connection connection;
    private final BackfillSpec spec;
    private final WalkKey key;
    private final Checkpoint checkpoint;
    private final Duration pause;
    private final long estimatedRows;
    private final Duration statementTimeout;
    private final KeyRangeSql sql;
    private int batchSize;
    long rows;
    long finalRows;
    long batches;
    long finalBatches;
    long longestBatchNanos;

    Walk(Connection connection, BackfillSpec spec, WalkKey key, Checkpoint checkpoint, int batchSize, Duration pause,
        long estimatedRows) {
      this.connection = connection;
      this.spec = spec;
      this.key = key;
      this.checkpoint = checkpoint;
      this.batchSize = batchSize;
      this.pause = pause;
      this.estimatedRows = estimatedRows;
      this.sql = new KeyRangeSql(migration, spec, key);
      // A batch is meant to take milliseconds; bound it even when the project sets no statement_timeout.
      Duration fallback = spec.targetBatchDuration().map(t -> t.multipliedBy(10)).filter(t -> t.toSeconds() >= 30)
          .orElse(Duration.ofSeconds(30));
      this.statementTimeout = settings.locks().statementTimeout().isZero() ? fallback : settings.locks().statementTimeout();
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
      Optional<String[]> lower = from;
      long start = System.nanoTime();
      long lastLog = start;
      long keys = 0;
      long rowsHere = 0;
      while (true) {
        if (Thread.interrupted()) {
          throw new InterruptedException(what + ": interrupted; the checkpoint keeps the progress, rerun to continue");
        }
        if (pass != Pass.COUNT) {
          gate.beforeBatch(new BatchGate.NextBatch(migration, batchSize, batches, rows + finalRows))
              .ifPresent(size -> batchSize = Math.max(1, Math.min(MAX_BATCH, size)));
        }
        long batchStart = System.nanoTime();
        Batch batch;
        try {
          batch = batch(what, lower, end.get(), pass);
        } catch (SQLException e) {
          if (!"57014".equals(e.getSQLState()) || batchSize == 1) {
            throw e;
          }
          batchSize = Math.max(1, batchSize / 2);
          LOG.warn("{}: a batch hit statement_timeout {}; halving the batch size to {}", what,
              DurationText.format(statementTimeout), batchSize);
          continue;
        }
        if (batch == null) {
          break;
        }
        keys += batch.keys();
        rowsHere += batch.rows();
        switch (pass) {
          case WALK -> {
            rows += batch.rows();
            batches++;
          }
          case FINAL -> {
            finalRows += batch.rows();
            batches++;
            finalBatches++;
          }
          case COUNT -> { }
        }
        lower = Optional.of(batch.upper());
        long took = System.nanoTime() - batchStart;
        longestBatchNanos = Math.max(longestBatchNanos, took);
        adapt(Duration.ofNanos(took));
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY.toNanos()) {
          logProgress(what, pass, keysBefore + keys, keys, rowsHere, now - start);
          lastLog = now;
        }
        if (!pause.isZero() && pass != Pass.COUNT) {
          Thread.sleep(pause.toMillis());
        }
      }
      if (pass == Pass.FINAL) {
        LOG.info("{}: {} rows updated", what, rowsHere);
      }
      return rowsHere;
    }

    private void logProgress(String what, Pass pass, long keysTotal, long keys, long rowsHere, long nanos) {
      double seconds = Math.max(nanos / 1e9, 0.001);
      long keysPerSecond = Math.round(keys / seconds);
      boolean walk = pass == Pass.WALK;
      StringBuilder line = new StringBuilder().append(rowsHere).append(pass == Pass.COUNT ? " rows match, " : " rows updated, ")
          .append(keysTotal).append(" keys walked");
      if (estimatedRows > 0) {
        long percent = Math.min(100, keysTotal * 100 / estimatedRows);
        line.append(" of ~").append(estimatedRows).append(" (").append(percent).append("%)");
      }
      if (pass != Pass.COUNT) {
        line.append(", ").append(Math.round(rowsHere / seconds)).append(" rows/s");
      }
      if (estimatedRows > keysTotal && keysPerSecond > 0) {
        line.append(", ETA ").append(DurationText.format(Duration.ofSeconds((estimatedRows - keysTotal) / keysPerSecond)));
      }
      line.append(", batch size ").append(batchSize);
      if (!walk) {
        line.append(" (reading up to ").append(window()).append(" keys)");
      }
      LOG.info("{}: {}", what, line);
    }

    /** Keys a final-pass or counting batch reads at most. */
    private int window() {
      return (int) Math.min(MAX_BATCH, (long) batchSize * FINAL_PASS_WINDOW);
    }

    /** Moves the batch size toward the target duration, at most doubling or halving per batch. */
    private void adapt(Duration took) {
      spec.targetBatchDuration().ifPresent(target -> {
        double factor = Math.max(0.5, Math.min(2.0, (double) target.toNanos() / Math.max(took.toNanos(), 1)));
        batchSize = (int) Math.max(1, Math.min(MAX_BATCH, Math.round(batchSize * factor)));
      });
    }

    /** One batch in its own transaction, with the checkpoint; null when the walk is at the end. */
    private Batch batch(String what, Optional<String[]> lower, String[] end, Pass pass) throws SQLException {
      // A batch that keeps meeting locks gives up early (flyway.zdm.backfillLockRetries): the checkpoint keeps the progress.
      return new LockRetry(settings.backfillLocks(), SettingKey.BACKFILL_LOCK_RETRIES.qualified()).inShortTransaction(connection, what, spec.table().quoted(), statementTimeout,
          tx -> {
            Optional<KeyRangeSql.Range> range = pass == Pass.WALK ? sql.range(tx, lower, end, batchSize)
                : sql.matchingRange(tx, lower, end, pass == Pass.COUNT, batchSize, window());
            if (range.isEmpty()) {
              return null;
            }
            if (pass == Pass.COUNT) {
              return new Batch(range.get().upper(), range.get().keys(), range.get().matching());
            }
            long updated = range.get().matching() == 0 ? 0 : sql.update(tx, lower, range.get().upper(), pass == Pass.WALK);
            checkpoint.advance(tx, range.get().upper(), updated, range.get().keys(), pass == Pass.FINAL);
            return new Batch(range.get().upper(), range.get().keys(), updated);
          });
    }

    /** The table's greatest key now, as text; empty for an empty table. */
    private Optional<String[]> lastKey() throws SQLException {
      String sql = "SELECT " + key.asText("t") + " FROM " + spec.table().quoted() + " t ORDER BY " + key.orderBy("t", " DESC") + " LIMIT 1";
      return ShortTransaction.run(connection, settings.locks().lockTimeout(), statementTimeout, tx -> {
        try (PreparedStatement statement = tx.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
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
  }

  private record Batch(String[] upper, long keys, long rows) {}
}
