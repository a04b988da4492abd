package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.internal.settings.DurationText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Takes a statement's table locks before it runs, in short attempts.
 *
 * <p>Why: a DDL statement waiting for its lock queues every later query on the table behind it, for
 * as long as its lock_timeout. One attempt of {@code flyway.zdm.lockAttemptTimeout} (100 ms by
 * default) stalls the application for at most that; between attempts nothing is queued. The attempt
 * grows (doubling, up to {@code flyway.zdm.lockTimeout}) only when every attempt meets other
 * transactions than the one before, i.e. short transactions taking turns that a short attempt can
 * never outwait; behind one long transaction it stays short.
 *
 * <p>In a transaction each attempt is {@code SAVEPOINT; SET LOCAL lock_timeout; LOCK TABLE;
 * RELEASE}, undone by {@code ROLLBACK TO SAVEPOINT} when not granted; once granted the lock stays
 * held for the statement and the session's lock_timeout is set back to what it was. Without a
 * transaction (autocommit) no lock can be held until the statement runs: each attempt takes it in a
 * transaction of its own and lets go at once, so the statement starts only when the way was just
 * free, and waits with its own lock_timeout if someone took the lock in between.
 */
public final class LockFirst {

  private static final ZdmLog LOG = ZdmLog.of(LockFirst.class);
  private static final String SAVEPOINT = "flyway_zdm_lock_first";

  private final AttemptBounds bounds;

  public LockFirst(AttemptBounds bounds) {
    this.bounds = bounds;
  }

  /**
   * Takes every lock of {@code targets} in order (a table that does not exist is skipped: the
   * statement reports it).
   *
   * @param what the migration and statement, for logs ({@code V2__add_column: ALTER TABLE users ...})
   * @return how many attempts failed before the locks were had
   * @throws LockWaitExhaustedException when the bounds are spent, naming the sessions in the way
   */
  public int acquire(Connection connection, String what, List<LockTarget> targets) throws SQLException {
    boolean transactional = !connection.getAutoCommit();
    int failed = 0;
    for (LockTarget target : targets) {
      if (exists(connection, target)) {
        failed += acquire(connection, what, target, transactional);
      }
    }
    return failed;
  }

  private int acquire(Connection connection, String what, LockTarget target, boolean transactional)
      throws SQLException {
    long start = System.nanoTime();
    Duration attempt = bounds.firstAttempt();
    Duration backoff = bounds.minBackoff();
    String before = transactional ? show(connection) : null;
    LockHolders previous = null;
    for (int failures = 0; ; failures++) {
      SQLException refused = transactional ? attemptInTransaction(connection, target, attempt, before)
          : attemptAlone(connection, target, attempt);
      if (refused == null) {
        if (failures > 0) {
          LOG.info("{}: got {} after {} failed {} in {} ms", what, target.describe(), failures,
              failures == 1 ? "attempt" : "attempts", elapsed(start).toMillis());
        }
        return failures;
      }
      if (!retryable(refused)) {
        // Not a lock wait (no privilege for LOCK TABLE, a view, ...): the statement runs as it would have.
        LOG.debug("{}: could not take {} first ([{}] {}); the statement takes its own locks", what, target.describe(),
            refused.getSQLState(), firstLine(refused));
        return failures;
      }
      LockHolders holders = holders(connection, target, transactional);
      Duration pause = jittered(backoff);
      Duration left = bounds.total().minus(elapsed(start));
      if (left.compareTo(pause.plus(attempt)) < 0) {
        throw new LockWaitExhaustedException(giveUp(what, target, failures + 1, start, attempt, holders), refused);
      }
      LOG.warn("{}: {} not granted within lock_timeout {} (attempt {}, the application waited at most that behind it); {};"
          + " retrying (attempt {}) in {} ms, {} ms left of flyway.zdm.lockRetryMaxTotal", what, target.describe(),
          DurationText.format(attempt), failures + 1, holders.describe(), failures + 2, pause.toMillis(), left.toMillis());
      sleep(pause);
      if (holders.othersThan(previous) && attempt.compareTo(bounds.longestAttempt()) < 0) {
        attempt = min(attempt.multipliedBy(2), bounds.longestAttempt());
        LOG.info("{}: other transactions than last time were in the way: short ones taking turns; the next attempt"
            + " waits up to {}", what, DurationText.format(attempt));
      }
      previous = holders.sessions().isEmpty() ? previous : holders;
      backoff = min(backoff.multipliedBy(2), bounds.maxBackoff());
    }
  }

  /** One attempt under a savepoint; null when the lock is now held. */
  private static SQLException attemptInTransaction(Connection connection, LockTarget target, Duration attempt,
      String before) throws SQLException {
    execute(connection, "SAVEPOINT " + SAVEPOINT);
    try {
      execute(connection, "SET LOCAL lock_timeout = '" + Math.max(1, attempt.toMillis()) + "ms'");
      execute(connection, target.lockSql());
      execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      // SET LOCAL of a released savepoint lasts to the end of the transaction: the migration's value goes back now.
      setLocal(connection, before);
      return null;
    } catch (SQLException e) {
      execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      return e;
    }
  }

  /** One attempt in a transaction of its own, which lets the lock go again; null when it was granted. */
  private static SQLException attemptAlone(Connection connection, LockTarget target, Duration attempt)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute(connection, "SET LOCAL lock_timeout = '" + Math.max(1, attempt.toMillis()) + "ms'");
      execute(connection, target.lockSql());
      return null;
    } catch (SQLException e) {
      return e;
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static boolean exists(Connection connection, LockTarget target) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      query.setString(1, target.relation());
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  /** Under a savepoint of its own in a transaction: a failed lookup must not abort the migration's transaction. */
  private static LockHolders holders(Connection connection, LockTarget target, boolean transactional)
      throws SQLException {
    if (transactional) {
      execute(connection, "SAVEPOINT " + SAVEPOINT);
    }
    try {
      LockHolders holders = LockHolders.of(connection, target);
      if (transactional) {
        execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      }
      return holders;
    } catch (SQLException e) {
      if (transactional) {
        execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      }
      LOG.debug("could not list the sessions in the way of {}: {}", target.describe(), e.getMessage());
      return LockHolders.UNKNOWN;
    }
  }

  private String giveUp(String what, LockTarget target, int attempts, long start, Duration attempt, LockHolders holders) {
    return what + ": gave up taking " + target.describe() + " after " + attempts + " attempts in "
        + elapsed(start).toMillis() + " ms (" + bounds.describe() + "; the last attempt waited " + DurationText.format(attempt)
        + "); " + holders.describe() + ". Nothing of this migration was kept (its transaction rolls back): run the same"
        + " command again once that session is gone, or raise flyway.zdm.lockRetryMaxTotal."
        + " Locks that earlier statements of the same transaction took stayed held during these attempts: no retry"
        + " of one statement can release them, only the migration's rollback does.";
  }

  private static String show(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW lock_timeout")) {
      row.next();
      return row.getString(1);
    }
  }

  private static void setLocal(Connection connection, String value) throws SQLException {
    try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
      set.setString(1, value);
      set.execute();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Lock timeout (55P03) and deadlock (40P01): other sessions were in the way, not the statement itself. */
  private static boolean retryable(SQLException e) {
    return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }

  private static Duration jittered(Duration backoff) {
    double factor = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis(Math.round(backoff.toMillis() * factor));
  }

  private static void sleep(Duration pause) throws SQLException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to retry a lock", "57014", e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String firstLine(SQLException e) {
    return e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
  }
}
