package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.settings.SettingKey;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The final pass over a plain table (PostgreSQL 14 or later) by heap pages instead of keys: each
 * batch is one short transaction over a range of pages, a TID Range Scan (sequential reads, no
 * index, no key comparisons) that updates at most the batch size of rows that match, waiting for
 * rows the application holds. When nothing wrote behind the walk it only reads the table once, in
 * ranges sized to the target duration; a key walk would read the key index and fetch each row in
 * key order. The checkpoint keeps the next page, so a killed pass resumes there.
 */
final class PageSweep {

  private static final ZdmLog LOG = ZdmLog.of(BackfillRunner.class);
  private static final int MAX_PAGES = 1 << 20;
  private static final int FIRST_PAGES = 1024;

  private final BackfillRun run;
  private final BatchSizer rows;
  private final BatchSizer pages;
  private final String sql;

  PageSweep(BackfillRun run, BatchSizer rows) {
    this.run = run;
    this.rows = rows;
    this.pages = new BatchSizer(FIRST_PAGES, MAX_PAGES, Optional.of(BatchSizer.DEFAULT_TARGET));
    BackfillSpec spec = run.spec();
    String table = spec.table().quoted();
    // ctid = ANY(ARRAY(...)) locks and updates at most n rows; the outer predicate is rechecked on the row version the
    // UPDATE locks (EvalPlanQual). A row the application updated meanwhile has moved to a new ctid and is not updated
    // here: it still counts as found, so this pass is not the clean one and the next pass gets it where it is now.
    this.sql = "WITH picked AS MATERIALIZED (SELECT ctid AS zdm_at FROM " + table + " WHERE ctid >= CAST(? AS tid)"
        + " AND ctid < CAST(? AS tid) AND (" + spec.where() + ") LIMIT ?),"
        + " done AS (UPDATE " + table + " SET " + spec.set() + " WHERE ctid = ANY (ARRAY(SELECT zdm_at FROM picked)) AND ("
        + spec.where() + ") RETURNING coalesce((" + spec.where() + "), false) AS still, CAST(ctid AS text) AS at)"
        + " SELECT (SELECT count(*) FROM picked), count(*), count(*) FILTER (WHERE still), min(at) FILTER (WHERE still) FROM done";
  }

  /** Whether {@code table} can be swept by pages: a plain table (not partitioned) on a server with TID Range Scans. */
  static boolean applies(Connection connection, QualifiedName table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('server_version_num')::int >= 140000"
        + " AND relkind IN ('r', 'm') FROM pg_class WHERE oid = to_regclass(?)")) {
      statement.setString(1, table.quoted());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /**
   * Sweeps from page {@code from} (the checkpoint's, else 0) to the table's last page of now; the rows found matching
   * (updated, or changed by the application while this pass waited for them), 0 only when none matched.
   */
  long run(Optional<String[]> from) throws SQLException, InterruptedException {
    String what = run.migration() + ": final pass over " + run.spec().table();
    long end = pageCount();
    long page = from.map(position -> Long.parseLong(position[0])).orElse(0L);
    Progress progress = new Progress(what, "pages read", end, page, true);
    Tally tally = run.tally();
    long found = 0;
    while (page < end) {
      if (Thread.interrupted()) {
        throw new InterruptedException(what + ": interrupted; the checkpoint keeps the progress, rerun to continue");
      }
      long asked = System.nanoTime();
      run.gate().beforeBatch(new BatchGate.NextBatch(run.migration(), rows.size(), tally.batches, tally.rows()))
          .ifPresent(rows::set);
      progress.held(System.nanoTime() - asked);
      long start = System.nanoTime();
      long first = page;
      long last = Math.min(end, page + pages.size());
      int limit = rows.size();
      long[] batch = new LockRetry(run.settings().backfillLocks(), SettingKey.BACKFILL_LOCK_RETRIES.qualified()).inShortTransaction(run.connection(), what,
          run.spec().table().quoted(), run.statementTimeout(), tx -> {
            long[] done = update(tx, first, last, limit);
            // A full batch may have left more matching rows in the range: the next batch reads the same pages again.
            run.checkpoint().advance(tx, new String[] {String.valueOf(done[0] < limit ? last : first)}, done[1], 0, true,
                progress);
            return done;
          });
      long took = System.nanoTime() - start;
      long updated = batch[1];
      found += batch[0];
      tally.batch(updated, true, took);
      if (batch[0] < limit) {
        page = last;
        pages.adapt(Duration.ofNanos(took));
        progress.batch(last - first, updated, rows.size() + " rows, " + pages.size() + " pages");
      } else {
        rows.adapt(Duration.ofNanos(took));
        progress.batch(0, updated, rows.size() + " rows, " + pages.size() + " pages");
      }
      if (!run.pause().isZero()) {
        Thread.sleep(run.pause().toMillis());
      }
    }
    LOG.info("{}: {} rows updated ({} pages read)", what, progress.rows(), end);
    if (found > progress.rows()) {
      LOG.info("{}: {} matching rows were changed by the application while this pass waited for them; the next pass"
          + " checks them again", what, found - progress.rows());
    }
    return found;
  }

  /** The rows of pages [first, last) found matching (at most {@code limit}) and updated. */
  private long[] update(Connection tx, long first, long last, int limit) throws SQLException {
    try (PreparedStatement statement = tx.prepareStatement(sql)) {
      statement.setString(1, "(" + first + ",0)");
      statement.setString(2, "(" + last + ",0)");
      statement.setInt(3, limit);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        if (result.getLong(3) > 0) {
          throw new IllegalStateException(run.migration() + ": after SET " + run.spec().set() + ", " + result.getLong(3)
              + " rows of " + run.spec().table() + " still match \"" + run.spec().where() + "\" (e.g. the row at ctid "
              + result.getString(4) + "). The predicate must select exactly the rows that still need work and the SET"
              + " must make them stop matching; otherwise rows would be updated again. Nothing of this batch was committed.");
        }
        return new long[] {result.getLong(1), result.getLong(2)};
      }
    }
  }

  /** The table's pages now; rows written beyond them later are the next pass's. */
  private long pageCount() throws SQLException {
    try (PreparedStatement statement = run.connection().prepareStatement(
        "SELECT pg_relation_size(to_regclass(?)) / current_setting('block_size')::bigint")) {
      statement.setString(1, run.spec().table().quoted());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
