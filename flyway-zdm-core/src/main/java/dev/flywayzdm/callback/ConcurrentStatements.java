package dev.flywayzdm.callback;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.LockBounds;
import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.internal.pg.SideConnection;
import dev.flywayzdm.internal.pg.StatementWatcher;
import dev.flywayzdm.internal.pg.WatchedStatement.LongStatementTimeouts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Runs the concurrent statements of SQL migrations ({@link ConcurrentStatement}) the way
 * {@code ConcurrentIndexMigration} runs its builds, around Flyway's own execution of the
 * statement: an INVALID index left by a failed or killed earlier run of the same statement is
 * dropped first, so a rerun just works; the wait for older transactions is not cut short by
 * lock_timeout but bounded by {@code flyway.zdm.lockRetryMaxTotal}; a watcher on a side connection
 * logs the sessions it waits for and its progress, and cancels it past the bound.
 */
final class ConcurrentStatements {

  private static final ZdmLog LOG = ZdmLog.of(ConcurrentStatements.class);

  private record Running(String what, StatementWatcher watcher, LongStatementTimeouts timeouts, Duration bound) {}

  /** By the migration's connection (identity), as Flyway runs one statement at a time on each. */
  private final Map<Connection, Running> running = new ConcurrentHashMap<>();

  /** Before Flyway executes {@code statement} on {@code connection}: clean up, then start watching. */
  void before(Connection connection, Configuration configuration, String migration, ConcurrentStatement statement,
      String sql, ZdmSettings settings) throws SQLException {
    after(connection, false);
    SideConnection side = SideConnection.from(configuration);
    LockBounds bounds = new LockBounds(settings.lockTimeout(), settings.statementTimeout(), settings.lockRetries(),
        settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff(), settings.lockRetryMaxTotal());
    ConcurrentIndexBuilder builder = new ConcurrentIndexBuilder(migration, bounds, side);
    if (statement.index().isPresent() && statement.table().isPresent()) {
      builder.dropInvalid(connection, statement.table().get(), statement.index().get());
    }
    if (statement.reindexed().isPresent()) {
      builder.dropInvalidReindexLeftovers(connection, statement.reindexed().get(), statement.reindexTable());
    }
    String what = migration + ": " + statement.kind()
        + statement.index().map(index -> " " + index).orElse("")
        + statement.table().or(statement::reindexed).map(table -> " on " + table).orElse("");
    Duration bound = settings.lockRetryMaxTotal();
    StatementWatcher watcher = StatementWatcher.start(what, SessionActivity.backendPid(connection), side, bound, sql);
    LongStatementTimeouts timeouts;
    try {
      timeouts = LongStatementTimeouts.apply(connection, watcher.watching() ? Duration.ZERO : bound);
    } catch (SQLException | RuntimeException e) {
      watcher.close();
      throw e;
    }
    running.put(connection, new Running(what, watcher, timeouts, bound));
    LOG.info("{}: waits for older transactions without the DDL lock_timeout, for at most flyway.zdm.lockRetryMaxTotal={}{}",
        what, DurationText.format(bound), watcher.watching() ? "; the sessions it waits for are logged" : " (as its lock_timeout)");
  }

  /** After the statement, or the migration, ended: stop watching, give the session its values back. Never throws. */
  void after(Connection connection, boolean failed) {
    Running done = running.remove(connection);
    if (done == null) {
      return;
    }
    done.watcher().close();
    done.timeouts().restore(connection, done.what());
    if (failed && done.watcher().gaveUp()) {
      LOG.error("{}: cancelled after waiting {} for other sessions, longer than flyway.zdm.lockRetryMaxTotal={}; waited for {}."
          + " End or wait out those transactions and run the migration again: the INVALID index the build may have left"
          + " is dropped first", done.what(), DurationText.format(Duration.ofMillis(done.watcher().waited().toMillis() / 100 * 100)),
          DurationText.format(done.bound()), StatementWatcher.describe(done.watcher().lastBlockers()));
    } else if (failed) {
      LOG.error("{}: failed; run the migration again: an INVALID index the failed statement may have left is dropped first",
          done.what());
    }
  }
}
