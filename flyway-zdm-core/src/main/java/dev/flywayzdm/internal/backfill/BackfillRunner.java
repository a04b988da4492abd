package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.backfill.Checkpoint.State;
import dev.flywayzdm.internal.backfill.Checkpoint.Status;
import dev.flywayzdm.internal.pg.QualifiedName;
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
 * <p>The batch size adapts to a target duration by default ({@link BatchSizer}). The final pass
 * over a plain table reads it by ranges of heap pages ({@link PageSweep}); over a partitioned table,
 * or before PostgreSQL 14, it walks the key like the walk, each batch reading at most
 * {@value #FINAL_PASS_WINDOW} times {@code n} keys ({@link KeyWalk}). Either way no statement holds
 * a snapshot over the whole table, and no batch locks more than {@code n} rows.
 */
public final class BackfillRunner {

  private static final ZdmLog LOG = ZdmLog.of(BackfillRunner.class);
  private static final int FINAL_PASSES = 3;
  /** Keys a final-pass batch reads, as a multiple of the batch size: most of them need nothing, reading is cheap. */
  static final int FINAL_PASS_WINDOW = KeyWalk.FINAL_PASS_WINDOW;

  /** What a backfill did in this run. */
  public record Result(long rowsUpdated, long finalPassRows, long remaining, long batches, long finalPassBatches,
      Duration longestBatch) {}

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
    // Adapting is the default; a batch size the migration fixes without a target stays fixed.
    Optional<Duration> target = spec.targetBatchDuration()
        .or(() -> spec.batchSize().isPresent() ? Optional.empty() : Optional.of(BatchSizer.DEFAULT_TARGET));
    Tally tally = new Tally();
    BackfillRun run = new BackfillRun(migration, settings, gate, connection, spec, checkpoint, pause,
        statementTimeout(target), tally);
    BatchSizer size = new BatchSizer(batchSize, KeyWalk.MAX_BATCH, target);
    KeyWalk walk = new KeyWalk(run, key, size, estimateRows(connection, table));
    Status finalStatus = PageSweep.applies(connection, table) ? Status.FINAL_PAGES : Status.FINAL_PASS;
    LOG.info("{}: backfilling {} (SET {} WHERE {}) by key {}, {} rows per batch{}{}{}", migration, table, spec.set(),
        spec.where(), key.describe(), batchSize,
        target.map(t -> " at first, adapting to " + DurationText.format(t) + " per batch").orElse(""),
        pause.isZero() ? "" : ", pausing " + DurationText.format(pause),
        state.status() == Status.WALKING && state.lastKey().isEmpty() ? ""
            : "; resuming (" + state.status().text + ", after " + state.lastKey().map(Arrays::toString).orElse("the start")
                + ", " + state.rowsDone() + " rows done before)");

    if (state.status() == Status.DONE) {
      LOG.info("{}: the backfill finished in an earlier run; checking again with a final pass", migration);
      checkpoint.status(connection, finalStatus, definition);
      state = checkpoint.load(connection, table.quoted(), definition);
    }
    if (state.status() == Status.WALKING) {
      walk.run(state.lastKey(), state.keysWalked(), KeyWalk.Pass.WALK);
      checkpoint.status(connection, finalStatus, definition);
      state = checkpoint.load(connection, table.quoted(), definition);
    }
    // A pass resumed from a checkpoint covers only its tail: only a whole pass that finds nothing proves that nothing matches.
    Status passStatus = state.status();
    PageSweep sweep = new PageSweep(run, size);
    Optional<String[]> from = state.lastKey();
    long remaining = -1;
    for (int pass = 1; pass <= FINAL_PASSES; pass++) {
      long updated = passStatus == Status.FINAL_PAGES ? sweep.run(from) : walk.run(from, 0, KeyWalk.Pass.FINAL);
      if (updated == 0 && from.isEmpty()) {
        remaining = 0;
        break;
      }
      from = Optional.empty();
      checkpoint.status(connection, passStatus, definition);
      if (pass < FINAL_PASSES) {
        LOG.info("{}: the final pass over {} updated {} rows matching \"{}\" (written behind the walk, or held by the"
            + " application); pass {} of at most {} checks again", migration, table, updated, spec.where(), pass + 1, FINAL_PASSES);
      }
    }
    if (remaining < 0) {
      remaining = walk.run(Optional.empty(), 0, KeyWalk.Pass.COUNT);
    }
    checkpoint.finish(connection, remaining);
    Result result = new Result(tally.rows(), tally.finalRows, remaining, tally.batches, tally.finalBatches,
        tally.longestBatch());
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

  /** A batch is meant to take milliseconds: bound it even when the project sets no statement_timeout. */
  private Duration statementTimeout(Optional<Duration> target) {
    Duration fallback = target.map(t -> t.multipliedBy(10)).filter(t -> t.toSeconds() >= 30).orElse(Duration.ofSeconds(30));
    return settings.locks().statementTimeout().isZero() ? fallback : settings.locks().statementTimeout();
  }

  /** Rows the planner believes the table has (summed over partitions); 0 when never analyzed. */
  private static long estimateRows(Connection connection, QualifiedName table) throws SQLException {
    // pg_partition_tree lists nothing for a plain table: count the table itself unless it is a partitioned parent.
    try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint"
        + " FROM pg_class c WHERE c.oid IN (SELECT p.relid FROM pg_partition_tree(to_regclass(?)) p WHERE p.isleaf)"
        + " OR (c.oid = to_regclass(?) AND c.relkind <> 'p')")) {
      statement.setString(1, table.quoted());
      statement.setString(2, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }
}
