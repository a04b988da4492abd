package dev.flywayzdm.internal.pg;

import dev.flywayzdm.internal.settings.DurationText;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Runs one long non-transactional statement ({@code CREATE INDEX CONCURRENTLY}, {@code REINDEX
 * ... CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}) while a {@link StatementWatcher} on a second
 * connection logs its progress and the sessions it waits for.
 *
 * <p>These statements wait, in several phases, for every transaction older than themselves; those
 * waits block no application traffic, so they are bounded by one generous limit,
 * {@link LockBounds#lockRetryMaxTotal()}, which the watcher enforces by cancelling the statement,
 * rather than by the short DDL lock_timeout. Both timeouts are off for the statement (a build may
 * take hours); they are changed for the session only when the connection came with them on, and
 * put back exactly ({@link SessionSetting}). Without a side connection the bound is applied as the
 * statement's lock_timeout instead.
 */
public final class WatchedStatement {

  private static final ZdmLog LOG = ZdmLog.of(WatchedStatement.class);

  private WatchedStatement() {}

  /**
   * @param what for logs and errors ({@code V7__add_index: building "idx" on "orders"})
   * @param relation the table, quoted, whose lockers are named when the wait bound is hit
   */
  public static void run(Connection connection, String sql, String what, String relation, LockBounds settings,
      SideConnection side) throws SQLException {
    Duration bound = settings.lockRetryMaxTotal();
    long start = System.nanoTime();
    try (StatementWatcher watcher = StatementWatcher.start(what, SessionActivity.backendPid(connection), side, bound, sql)) {
      LongStatementTimeouts timeouts = LongStatementTimeouts.apply(connection, watcher.watching() ? Duration.ZERO : bound);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        if (watcher.gaveUp() || LockRetry.retryable(e)) {
          // The watcher's cancel arrives as 57014; it is a lock wait given up, as lock_timeout's 55P03 is.
          SQLException last = watcher.gaveUp() ? new SQLException(e.getMessage(), "55P03", e) : e;
          List<SessionInfo> blockers = watcher.lastBlockers();
          if (blockers.isEmpty()) {
            blockers = lockers(connection, relation);
          }
          throw new LockNotAvailableException(what + ": gave up after waiting "
              + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s for other sessions (bound: flyway.zdm.lockRetryMaxTotal="
              + DurationText.format(bound) + "); " + describe(blockers), last);
        }
        throw e;
      } finally {
        timeouts.restore(connection, what);
      }
    }
  }

  static String describe(List<SessionInfo> blockers) {
    return blockers.isEmpty() ? StatementWatcher.describe(blockers) : "waited for " + StatementWatcher.describe(blockers);
  }

  private static List<SessionInfo> lockers(Connection connection, String relation) {
    try {
      return SessionActivity.lockersOf(connection, relation);
    } catch (SQLException e) {
      return List.of();
    }
  }

  /**
   * lock_timeout and statement_timeout for one long concurrent statement: statement_timeout off,
   * lock_timeout the given value (zero: off), set only where the session differs.
   */
  public record LongStatementTimeouts(SessionSetting lockTimeout, SessionSetting statementTimeout) {

    /** Reads both, changes what differs from the wanted values. */
    public static LongStatementTimeouts apply(Connection connection, Duration lockTimeout) throws SQLException {
      LongStatementTimeouts timeouts = new LongStatementTimeouts(SessionSetting.of(connection, "lock_timeout"),
          SessionSetting.of(connection, "statement_timeout"));
      try {
        if (lockTimeout.isZero()) {
          timeouts.lockTimeout.turnOff(connection);
        } else {
          timeouts.lockTimeout.set(connection, lockTimeout.toMillis() + "ms");
        }
        timeouts.statementTimeout.turnOff(connection);
      } catch (SQLException e) {
        timeouts.restore(connection, "setting the timeouts");
        throw e;
      }
      return timeouts;
    }

    /** Puts both back; never throws (a failure is logged, as the statement's own error matters more). */
    public void restore(Connection connection, String what) {
      for (SessionSetting setting : List.of(lockTimeout, statementTimeout)) {
        try {
          if (!connection.isClosed()) {
            setting.restore(connection);
          }
        } catch (SQLException e) {
          LOG.warn("{}: could not restore its connection's session setting (was {}): {}", what, setting.original(),
              e.getMessage());
        }
      }
    }
  }
}
