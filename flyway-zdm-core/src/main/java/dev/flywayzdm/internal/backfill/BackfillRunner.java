package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.Checkpoint.State;
import dev.flywayzdm.internal.backfill.Checkpoint.Status;
import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batched backfill: walks the table's key in ranges of {@code n} keys, each range one short
 * transaction that updates the rows in it still matching the predicate and advances the
 * checkpoint; then a final pass over rows that still match (written behind the walk, or skipped
 * because the application held them); then counts what still matches.
 *
 * <p>Each range is found from the key index alone ({@code key > last ORDER BY key LIMIT n}), so
 * every batch reads at most {@code n} keys however few of them need work, and the walk reads
 * each key once in total, across kills and reruns. Rows locked by the application are skipped
 * ({@code SKIP LOCKED}) during the walk and waited for, with lock_timeout and retries, in the
 * final pass. No key is ever collected client-side.
 */
public final class BackfillRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BackfillRunner.class);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);
  private static final int MAX_BATCH = 1_000_000;
  private static final int FINAL_PASSES = 3;

  /** What a backfill did in this run. */
  public record Result(long rowsUpdated, long finalPassRows, long remaining, long batches, Duration longestBatch) {}

  private final String migration;
  private final ZdmSettings settings;
  private final QualifiedName checkpointTable;

  public BackfillRunner(String migration, ZdmSettings settings, QualifiedName checkpointTable) {
    this.migration = migration;
    this.settings = settings;
    this.checkpointTable = checkpointTable;
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
      walk.run(state.lastKey(), state.keysWalked(), false);
      checkpoint.status(connection, Status.FINAL_PASS, definition);
      state = checkpoint.load(connection, table.quoted(), definition);
    }
    long remaining = 0;
    Optional<String[]> from = state.lastKey();
    for (int pass = 1; pass <= FINAL_PASSES; pass++) {
      walk.run(from, 0, true);
      from = Optional.empty();
      remaining = countRemaining(connection, spec);
      if (remaining == 0 || pass == FINAL_PASSES) {
        break;
      }
      LOG.info("{}: {} rows of {} match \"{}\" again (written while the final pass ran); pass {} of at most {}",
          migration, remaining, table, spec.where(), pass + 1, FINAL_PASSES);
    }
    checkpoint.finish(connection, remaining);
    Result result = new Result(walk.rows + walk.finalRows, walk.finalRows, remaining, walk.batches,
        Duration.ofNanos(walk.longestBatchNanos));
    if (remaining == 0) {
      LOG.info("{}: backfill of {} done: {} rows updated in {} batches (longest {} ms, {} rows in the final pass);"
          + " no row matches \"{}\" any more", migration, table, result.rowsUpdated(), result.batches(),
          result.longestBatch().toMillis(), result.finalPassRows(), spec.where());
    } else {
      LOG.warn("{}: backfill of {} done, but {} rows still match \"{}\": something keeps writing them (an application"
          + " version that predates this migration?); rerun the migration once it stops", migration, table, remaining, spec.where());
    }
    return result;
  }

  private long countRemaining(Connection connection, BackfillSpec spec) throws SQLException {
    return ShortTransaction.run(connection, settings.lockTimeout(), settings.statementTimeout(), tx -> {
      try (PreparedStatement count = tx.prepareStatement("SELECT count(*) FROM " + spec.table().quoted() + " WHERE (" + spec.where() + ")");
          ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    });
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
    private int batchSize;
    long rows;
    long finalRows;
    long batches;
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
      // A batch is meant to take milliseconds; bound it even when the project sets no statement_timeout.
      Duration fallback = spec.targetBatchDuration().map(t -> t.multipliedBy(10)).filter(t -> t.toSeconds() >= 30)
          .orElse(Duration.ofSeconds(30));
      this.statementTimeout = settings.statementTimeout().isZero() ? fallback : settings.statementTimeout();
    }

    void run(Optional<String[]> from, long keysBefore, boolean finalPass) throws SQLException, InterruptedException {
      String what = migration + ": " + (finalPass ? "final pass over " : "backfilling ") + spec.table();
      // Walk up to the last key of now: rows inserted later are the final pass's, so inserts cannot keep the walk going.
      Optional<String[]> end = lastKey();
      if (end.isEmpty()) {
        return;
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
        long batchStart = System.nanoTime();
        Batch batch;
        try {
          batch = batch(what, lower, end.get(), batchSize, finalPass);
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
        batches++;
        keys += batch.keys();
        rowsHere += batch.rows();
        if (finalPass) {
          finalRows += batch.rows();
        } else {
          rows += batch.rows();
        }
        lower = Optional.of(batch.upper());
        long took = System.nanoTime() - batchStart;
        longestBatchNanos = Math.max(longestBatchNanos, took);
        adapt(Duration.ofNanos(took));
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY.toNanos()) {
          logProgress(what, finalPass, keysBefore + keys, keys, rowsHere, now - start);
          lastLog = now;
        }
        if (!pause.isZero()) {
          Thread.sleep(pause.toMillis());
        }
      }
      if (finalPass) {
        LOG.info("{}: {} rows updated", what, rowsHere);
      }
    }

    private void logProgress(String what, boolean finalPass, long keysTotal, long keys, long rowsHere, long nanos) {
      double seconds = Math.max(nanos / 1e9, 0.001);
      long keysPerSecond = Math.round(keys / seconds);
      StringBuilder line = new StringBuilder().append(rowsHere).append(" rows updated, ").append(keysTotal).append(" keys walked");
      if (!finalPass && estimatedRows > 0) {
        long percent = Math.min(100, keysTotal * 100 / estimatedRows);
        line.append(" of ~").append(estimatedRows).append(" (").append(percent).append("%)");
      }
      line.append(", ").append(Math.round(rowsHere / seconds)).append(" rows/s");
      if (!finalPass && estimatedRows > keysTotal && keysPerSecond > 0) {
        line.append(", ETA ").append(DurationText.format(Duration.ofSeconds((estimatedRows - keysTotal) / keysPerSecond)));
      }
      line.append(", batch size ").append(batchSize);
      LOG.info("{}: {}", what, line);
    }

    /** Moves the batch size toward the target duration, at most doubling or halving per batch. */
    private void adapt(Duration took) {
      spec.targetBatchDuration().ifPresent(target -> {
        double factor = Math.max(0.5, Math.min(2.0, (double) target.toNanos() / Math.max(took.toNanos(), 1)));
        batchSize = (int) Math.max(1, Math.min(MAX_BATCH, Math.round(batchSize * factor)));
      });
    }

    /** One batch in its own transaction, with the checkpoint; null when the walk is at the end. */
    private Batch batch(String what, Optional<String[]> lower, String[] end, int limit, boolean finalPass) throws SQLException {
      return new LockRetry(settings).run(connection, what, spec.table().quoted(),
          c -> ShortTransaction.run(c, settings.lockTimeout(), statementTimeout, tx -> {
            Optional<Range> range = range(tx, lower, end, limit, finalPass);
            if (range.isEmpty()) {
              return null;
            }
            long updated = update(tx, lower, range.get().upper(), finalPass);
            checkpoint.advance(tx, range.get().upper(), updated, range.get().keys(), finalPass);
            return new Batch(range.get().upper(), range.get().keys(), updated);
          }));
    }

    /** The next {@code limit} keys after {@code lower} (of rows still matching, in the final pass): their count and the last. */
    private Optional<Range> range(Connection tx, Optional<String[]> lower, String[] end, int limit, boolean finalPass)
        throws SQLException {
      StringBuilder where = new StringBuilder(" WHERE ");
      if (finalPass) {
        where.append('(').append(spec.where()).append(") AND ");
      }
      lower.ifPresent(l -> where.append(key.tuple()).append(" > ").append(key.parameters()).append(" AND "));
      where.append(key.tuple()).append(" <= ").append(key.parameters());
      String sql = "WITH walk_range AS (SELECT " + key.orderBy("") + " FROM " + spec.table().quoted() + where
          + " ORDER BY " + key.orderBy("") + " LIMIT ?)"
          + " SELECT (SELECT count(*) FROM walk_range), " + key.asText("r") + " FROM walk_range r ORDER BY " + key.orderBy("r", " DESC") + " LIMIT 1";
      try (PreparedStatement statement = tx.prepareStatement(sql)) {
        int index = bind(statement, 1, lower);
        index = bind(statement, index, Optional.of(end));
        statement.setInt(index, limit);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          String[] upper = new String[key.size()];
          for (int i = 0; i < upper.length; i++) {
            upper[i] = rows.getString(i + 2);
          }
          return Optional.of(new Range(rows.getLong(1), upper));
        }
      }
    }

    /** Updates the rows of (lower, upper] that match; fails if the SET leaves any of them matching. */
    private long update(Connection tx, Optional<String[]> lower, String[] upper, boolean finalPass) throws SQLException {
      String table = spec.table().quoted();
      String inRange = (lower.isPresent() ? key.tuple() + " > " + key.parameters() + " AND " : "")
          + key.tuple() + " <= " + key.parameters();
      String sql = "WITH done AS (UPDATE " + table + " SET " + spec.set()
          + " WHERE " + key.tuple() + " IN (SELECT " + key.orderBy("") + " FROM " + table + " WHERE " + inRange
          + " AND (" + spec.where() + ")" + (finalPass ? "" : " FOR UPDATE SKIP LOCKED") + ")"
          + " RETURNING coalesce((" + spec.where() + "), false) AS still, CAST(" + keyRow() + " AS text) AS key)"
          + " SELECT count(*), count(*) FILTER (WHERE still), min(key) FILTER (WHERE still) FROM done";
      try (PreparedStatement statement = tx.prepareStatement(sql)) {
        int index = bind(statement, 1, lower);
        bind(statement, index, Optional.of(upper));
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          if (rows.getLong(2) > 0) {
            throw new IllegalStateException(migration + ": after SET " + spec.set() + ", " + rows.getLong(2) + " rows of "
                + spec.table() + " still match \"" + spec.where() + "\" (e.g. key " + rows.getString(3) + "). The predicate"
                + " must select exactly the rows that still need work and the SET must make them stop matching;"
                + " otherwise rows would be updated again. Nothing of this batch was committed.");
          }
          return rows.getLong(1);
        }
      }
    }

    /** The table's greatest key now, as text; empty for an empty table. */
    private Optional<String[]> lastKey() throws SQLException {
      String sql = "SELECT " + key.asText("t") + " FROM " + spec.table().quoted() + " t ORDER BY " + key.orderBy("t", " DESC") + " LIMIT 1";
      return ShortTransaction.run(connection, settings.lockTimeout(), statementTimeout, tx -> {
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

    private String keyRow() {
      return key.size() == 1 ? key.tuple() : "ROW" + key.tuple();
    }

    private int bind(PreparedStatement statement, int index, Optional<String[]> values) throws SQLException {
      if (values.isPresent()) {
        for (String value : values.get()) {
          statement.setString(index++, value);
        }
      }
      return index;
    }
  }

  private record Range(long keys, String[] upper) {}

  private record Batch(String[] upper, long keys, long rows) {}
}
