package dev.flywayzdm.internal.pg;

import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one long non-transactional statement ({@code CREATE INDEX CONCURRENTLY}, {@code REINDEX
 * ... CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}) while a watcher on a second connection logs
 * its progress and the sessions it waits for.
 *
 * <p>These statements wait, in several phases, for every transaction older than themselves; those
 * waits block no application traffic, so they are bounded by one generous limit,
 * {@link ZdmSettings#lockRetryMaxTotal()}, applied as the statement's {@code lock_timeout},
 * rather than by the short DDL lock_timeout. statement_timeout is off: a build may take hours.
 */
public final class WatchedStatement {

  private static final Logger LOG = LoggerFactory.getLogger(WatchedStatement.class);
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);

  private WatchedStatement() {}

  /**
   * @param what for logs and errors ({@code V7__add_index: building "idx" on "orders"})
   * @param relation the table, quoted, whose lockers are named when the wait bound is hit
   */
  public static void run(Connection connection, String sql, String what, String relation, ZdmSettings settings,
      SideConnection side) throws SQLException {
    int pid = SessionActivity.backendPid(connection);
    String lockTimeout = current(connection, "lock_timeout");
    String statementTimeout = current(connection, "statement_timeout");
    Duration bound = settings.lockRetryMaxTotal();
    Watcher watcher = new Watcher(what, pid, side);
    long start = System.nanoTime();
    try {
      set(connection, "lock_timeout", bound.toMillis() + "ms");
      set(connection, "statement_timeout", "0");
      watcher.start();
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      if (LockRetry.retryable(e)) {
        List<SessionInfo> blockers = watcher.lastBlockers();
        if (blockers.isEmpty()) {
          blockers = lockers(connection, relation);
        }
        throw new LockNotAvailableException(what + ": gave up after waiting "
            + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s for other sessions (bound: flyway.zdm.lockRetryMaxTotal="
            + DurationText.format(bound) + "); " + describe(blockers), e);
      }
      throw e;
    } finally {
      watcher.stop();
      restore(connection, "lock_timeout", lockTimeout);
      restore(connection, "statement_timeout", statementTimeout);
    }
  }

  static String describe(List<SessionInfo> blockers) {
    if (blockers.isEmpty()) {
      return "no blocking session was seen";
    }
    StringBuilder text = new StringBuilder("waited for ");
    for (int i = 0; i < blockers.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(blockers.get(i).describe());
    }
    return text.toString();
  }

  private static List<SessionInfo> lockers(Connection connection, String relation) {
    try {
      return SessionActivity.lockersOf(connection, relation);
    } catch (SQLException e) {
      return List.of();
    }
  }

  private static String current(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static void set(Connection connection, String name, String value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.execute();
    }
  }

  private static void restore(Connection connection, String name, String value) {
    try {
      if (!connection.isClosed()) {
        set(connection, name, value);
      }
    } catch (SQLException e) {
      LOG.warn("could not restore {} to {}: {}", name, value, e.getMessage());
    }
  }

  /** Polls the building backend's progress and blockers from a side connection, logging at most every few seconds. */
  private static final class Watcher implements Runnable {
    private final String what;
    private final int pid;
    private final SideConnection side;
    private final AtomicReference<List<SessionInfo>> lastBlockers = new AtomicReference<>(List.of());
    private volatile boolean stopped;
    private Thread thread;

    Watcher(String what, int pid, SideConnection side) {
      this.what = what;
      this.pid = pid;
      this.side = side;
    }

    void start() {
      thread = new Thread(this, "flyway-zdm-watcher-" + pid);
      thread.setDaemon(true);
      thread.start();
    }

    List<SessionInfo> lastBlockers() {
      return lastBlockers.get();
    }

    void stop() {
      stopped = true;
      if (thread != null) {
        thread.interrupt();
        try {
          thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void run() {
      Optional<Connection> opened = side.tryOpen(what);
      if (opened.isEmpty()) {
        return;
      }
      try (Connection connection = opened.get()) {
        long lastProgressLog = System.nanoTime();
        long lastBlockerLog = 0;
        List<Integer> loggedBlockerPids = List.of();
        while (!stopped) {
          List<SessionInfo> blockers = SessionActivity.blockersOf(connection, pid);
          if (!blockers.isEmpty()) {
            lastBlockers.set(blockers);
          }
          long now = System.nanoTime();
          List<Integer> pids = blockers.stream().map(SessionInfo::pid).toList();
          if (!blockers.isEmpty() && (!pids.equals(loggedBlockerPids) || now - lastBlockerLog >= LOG_EVERY.toNanos())) {
            LOG.info("{}: {}", what, describe(blockers).replaceFirst("^waited for", "waiting for"));
            lastBlockerLog = now;
          }
          loggedBlockerPids = pids;
          if (now - lastProgressLog >= LOG_EVERY.toNanos()) {
            progress(connection).ifPresent(line -> LOG.info("{}: {}", what, line));
            lastProgressLog = now;
          }
          Thread.sleep(POLL.toMillis());
        }
      } catch (InterruptedException e) {
        // stopped: the statement has ended
      } catch (SQLException e) {
        if (!stopped) {
          LOG.warn("{}: progress watcher stopped: {}", what, e.getMessage());
        }
      }
    }

    private Optional<String> progress(Connection connection) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement("SELECT phase, blocks_done, blocks_total,"
          + " tuples_done, tuples_total, lockers_done, lockers_total, partitions_done, partitions_total"
          + " FROM pg_stat_progress_create_index WHERE pid = ?")) {
        statement.setInt(1, pid);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          StringBuilder line = new StringBuilder(rows.getString("phase"));
          appendCount(line, "blocks", rows.getLong("blocks_done"), rows.getLong("blocks_total"));
          appendCount(line, "tuples", rows.getLong("tuples_done"), rows.getLong("tuples_total"));
          appendCount(line, "lockers", rows.getLong("lockers_done"), rows.getLong("lockers_total"));
          appendCount(line, "partitions", rows.getLong("partitions_done"), rows.getLong("partitions_total"));
          return Optional.of(line.toString());
        }
      }
    }

    private static void appendCount(StringBuilder line, String what, long done, long total) {
      if (total > 0) {
        line.append(", ").append(what).append(' ').append(done).append('/').append(total)
            .append(" (").append(done * 100 / total).append("%)");
      }
    }
  }
}
