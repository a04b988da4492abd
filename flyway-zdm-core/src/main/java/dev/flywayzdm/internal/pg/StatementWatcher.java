package dev.flywayzdm.internal.pg;

import dev.flywayzdm.internal.settings.DurationText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Watches one backend running a long concurrent statement from a side connection: logs the
 * sessions it waits for and its progress, and cancels it once it has waited longer than the bound
 * without a break (these statements wait on other transactions' virtual transaction ids, which
 * {@code lock_timeout} would cut short after seconds; the bound replaces it).
 *
 * <p>The side connection may be a pooled one of the application: every poll runs in a short
 * transaction with {@code SET LOCAL} timeouts and application name, so the connection goes back
 * with none of them, and it is closed on every path: when the statement ends before the watcher
 * ran, when it fails, when the watching thread is interrupted.
 *
 * <pre>{@code
 * try (StatementWatcher watcher = StatementWatcher.start(what, pid, side, bound)) {
 *   statement.execute(sql);
 * }
 * }</pre>
 */
public final class StatementWatcher implements AutoCloseable {

  private static final ZdmLog LOG = ZdmLog.of(StatementWatcher.class);
  /** Bounds of each poll: the watcher must never wait long itself, nor block anyone. */
  private static final Duration POLL_LOCK_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration POLL_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);
  private static final Duration JOIN = Duration.ofSeconds(10);
  /** How much of the statement's text must show in the backend's query before it is cancelled. */
  private static final int HEAD_CHARS = 100;

  private final String what;
  private final int pid;
  private final Duration bound;
  private final String statementHead;
  private final AtomicReference<List<SessionInfo>> lastBlockers = new AtomicReference<>(List.of());
  private volatile boolean stopped;
  private volatile boolean gaveUp;
  private volatile long waitedNanos;
  private final Thread thread;

  private StatementWatcher(String what, int pid, Duration bound, String sql, Connection connection) {
    this.what = what;
    this.pid = pid;
    this.bound = bound;
    this.statementHead = sql.strip().length() > HEAD_CHARS ? sql.strip().substring(0, HEAD_CHARS) : sql.strip();
    if (connection == null) {
      thread = null;
      return;
    }
    thread = new Thread(() -> watch(connection), "flyway-zdm-watcher-" + pid);
    thread.setDaemon(true);
  }

  /**
   * Opens the side connection (bounded, see {@link SideConnection#tryOpen}) and starts watching
   * {@code pid}. Without a side connection the watcher does nothing: {@link #watching()} is false
   * and the caller must bound the statement another way.
   *
   * @param sql the statement {@code pid} runs: only a backend running it is ever cancelled (behind a
   *     transaction-pooling PgBouncer, {@code pid} may be serving another client by then)
   */
  public static StatementWatcher start(String what, int pid, SideConnection side, Duration bound, String sql) {
    Connection connection = side.tryOpen(what).orElse(null);
    StatementWatcher watcher = new StatementWatcher(what, pid, bound, sql, connection);
    if (watcher.thread != null) {
      try {
        watcher.thread.start();
      } catch (RuntimeException | Error e) {
        closeQuietly(connection);
        throw e;
      }
    }
    return watcher;
  }

  /** Whether a side connection watches the statement (and so enforces the bound). */
  public boolean watching() {
    return thread != null;
  }

  /** Whether the watcher cancelled the statement because it waited longer than the bound. */
  public boolean gaveUp() {
    return gaveUp;
  }

  /** How long the statement had waited without a break when the watcher gave up. */
  public Duration waited() {
    return Duration.ofNanos(waitedNanos);
  }

  /** The sessions the statement waited for when last seen waiting. */
  public List<SessionInfo> lastBlockers() {
    return lastBlockers.get();
  }

  /** Stops watching and waits for the side connection to be closed. */
  @Override
  public void close() {
    stopped = true;
    if (thread == null) {
      return;
    }
    thread.interrupt();
    try {
      thread.join(JOIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      // Its own poll is bounded by a 5 s statement_timeout: it ends, and closes the connection, soon.
      LOG.warn("{}: the watcher did not stop within {}; it closes its connection when its last poll ends", what,
          DurationText.format(JOIN));
    }
  }

  private void watch(Connection owned) {
    try (Connection connection = owned) {
      long lastProgressLog = System.nanoTime();
      long lastBlockerLog = 0;
      long blockedSince = 0;
      List<Integer> loggedBlockerPids = List.of();
      while (!stopped) {
        List<SessionInfo> blockers = poll(connection, c -> SessionActivity.blockersOf(c, pid));
        long now = System.nanoTime();
        if (blockers.isEmpty()) {
          blockedSince = 0;
        } else {
          lastBlockers.set(blockers);
          blockedSince = blockedSince == 0 ? now : blockedSince;
        }
        List<Integer> pids = blockers.stream().map(SessionInfo::pid).toList();
        if (!blockers.isEmpty() && (!pids.equals(loggedBlockerPids) || now - lastBlockerLog >= LOG_EVERY.toNanos())) {
          LOG.info("{}: waiting for {}", what, describe(blockers));
          lastBlockerLog = now;
        }
        loggedBlockerPids = pids;
        if (blockedSince != 0 && now - blockedSince > bound.toNanos() && !stopped) {
          waitedNanos = now - blockedSince;
          gaveUp = true;
          LOG.warn("{}: waited {} for other sessions, longer than flyway.zdm.lockRetryMaxTotal={}: cancelling it; {}",
              what, DurationText.format(Duration.ofMillis(Duration.ofNanos(waitedNanos).toMillis() / 100 * 100)),
              DurationText.format(bound), describe(blockers));
          poll(connection, c -> cancel(c, pid, statementHead));
          return;
        }
        if (now - lastProgressLog >= LOG_EVERY.toNanos()) {
          poll(connection, this::progress).ifPresent(line -> LOG.info("{}: {}", what, line));
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

  /** A list of who is waited for, for logs and errors. */
  public static String describe(List<SessionInfo> blockers) {
    if (blockers.isEmpty()) {
      return "no blocking session was seen";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < blockers.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(blockers.get(i).describe());
    }
    return text.toString();
  }

  /**
   * One poll in a transaction of its own: the timeouts and the application name are
   * {@code SET LOCAL}, so they end with it and the (possibly pooled) connection keeps none.
   */
  private static <T> T poll(Connection connection, SqlWork<T> work) throws SQLException {
    return ShortTransaction.run(connection, POLL_LOCK_TIMEOUT, POLL_STATEMENT_TIMEOUT, c -> {
      try (PreparedStatement statement = c.prepareStatement("SELECT set_config('application_name', 'flyway-zdm watcher', true)")) {
        statement.execute();
      }
      return work.run(c);
    });
  }

  private static Object cancel(Connection connection, int pid, String statementHead) throws SQLException {
    // Only while it still waits, and runs the statement: a statement that has just ended must not take its successor down with it.
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_cancel_backend(a.pid) FROM pg_stat_activity a"
        + " WHERE a.pid = ? AND cardinality(pg_blocking_pids(a.pid)) > 0 AND strpos(a.query, ?) > 0")) {
      statement.setInt(1, pid);
      statement.setString(2, statementHead);
      statement.execute();
    }
    return null;
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

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to clean up
    }
  }
}
