package dev.flywayzdm.callback;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.internal.pg.SessionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * What the callback says before the first migration runs: old transactions that may block a
 * migration (told apart from those that only wait behind another), and who holds an advisory lock
 * that Flyway's own lock will wait for. It only reads and logs; a failure to read is logged too.
 */
final class PreFlight {

  private static final ZdmLog LOG = ZdmLog.of(PreFlight.class);

  private PreFlight() {}

  static void report(Connection connection, ZdmSettings settings) {
    reportOldTransactions(connection, settings);
    reportAdvisoryLockHolders(connection);
  }

  /**
   * Flyway takes its lock right after BEFORE_MIGRATE and waits for it silently: say who holds an
   * advisory lock now. After a kill -9 it is typically the orphaned backend of the killed run, still
   * running its last statement (a concurrent index build) until the server notices the client is gone.
   */
  private static void reportAdvisoryLockHolders(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      for (SessionInfo session : SessionActivity.advisoryLockHolders(connection)) {
        LOG.warn("flyway-zdm pre-flight: {} holds an advisory lock; if it is Flyway's lock (another migrate, or the"
            + " orphaned statement of a killed run), this migrate waits until it ends (Flyway's lockRetryCount bounds"
            + " the wait); SELECT pg_terminate_backend({}) ends it now, and a concurrent index it leaves INVALID is"
            + " rebuilt by the rerun", session.describe(), session.pid());
      }
    } catch (SQLException e) {
      LOG.warn("flyway-zdm pre-flight: could not list advisory lock holders: {}", e.getMessage());
    }
  }

  private static void reportOldTransactions(Connection connection, ZdmSettings settings) {
    if (connection == null) {
      return;
    }
    try {
      List<SessionInfo> old = SessionActivity.transactionsOlderThan(connection, settings.maxBlockerAge()).stream()
          .filter(session -> !isFlywayLock(session))
          .toList();
      for (SessionInfo session : old) {
        List<SessionInfo> waitsFor = SessionActivity.blockersOf(connection, session.pid());
        if (waitsFor.isEmpty()) {
          LOG.warn("flyway-zdm pre-flight: transaction open longer than flyway.zdm.maxBlockerAge={}, a possible blocker:"
              + " {}; a migration that needs a lock it holds will fail after lock_timeout {}",
              DurationText.format(settings.maxBlockerAge()), session.describe(), DurationText.format(settings.lockTimeout()));
        } else {
          // Ending this one would not help: it only queues behind the sessions named.
          LOG.warn("flyway-zdm pre-flight: transaction open longer than flyway.zdm.maxBlockerAge={} that is itself waiting"
              + " (not a blocker): {}; it waits behind {}", DurationText.format(settings.maxBlockerAge()), session.describe(),
              waitsFor.stream().map(w -> "pid " + w.pid()).collect(Collectors.joining(", ")));
        }
      }
    } catch (SQLException e) {
      LOG.warn("flyway-zdm pre-flight: could not list open transactions: {}", e.getMessage());
    }
  }

  /** Flyway's own lock session (another Flyway run, or this one's transactional lock): not an application blocker. */
  private static boolean isFlywayLock(SessionInfo session) {
    return session.queryHead().contains("pg_try_advisory_xact_lock") || session.queryHead().contains("pg_advisory_xact_lock");
  }

}
