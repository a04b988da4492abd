package dev.flywayzdm.callback;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.SessionSetting;
import dev.flywayzdm.internal.pg.ShortTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Puts lock_timeout (and statement_timeout) on the connection of one migration and takes them off
 * afterwards, so nothing leaks into later migrations, Flyway's history insert or a pooled
 * connection. In a transaction the values are {@code SET LOCAL}. Without one, a SQL migration gets
 * lock_timeout per statement, and only for statements other than the concurrent ones ({@code CREATE
 * INDEX CONCURRENTLY} and friends wait on older transactions and are bounded by
 * {@link ConcurrentStatements} instead); a Java migration gets it for the whole migration. Either way
 * the session's own values are put back exactly afterwards ({@link SessionSetting}), on success or
 * failure.
 */
final class SessionTimeouts {

  private static final ZdmLog LOG = ZdmLog.of(SessionTimeouts.class);

  /** The session's values before the migration, to put back afterwards. */
  private record Held(String migration, SessionSetting lockTimeout, SessionSetting statementTimeout, Duration wanted,
      boolean transactional) {}

  /** Keyed by the connection object itself (JDBC connections do not override equals): concurrent Flyway runs stay apart. */
  private final Map<Connection, Held> held = new ConcurrentHashMap<>();

  /**
   * Applies the settings' lock_timeout, and statement_timeout only in a transaction: a migration
   * without one is a concurrent index build, validation or VACUUM, which may rightly run for hours.
   *
   * @param perStatement a non-transactional SQL migration: lock_timeout is set before each statement
   *     that needs it ({@link #beforeStatement}), not now
   */
  void apply(Connection connection, String migration, boolean transactional, boolean perStatement, ZdmSettings settings)
      throws SQLException {
    Held before = new Held(migration, SessionSetting.of(connection, "lock_timeout"),
        SessionSetting.of(connection, "statement_timeout"), settings.lockTimeout(), transactional);
    held.put(connection, before);
    boolean boundStatements = transactional && !settings.statementTimeout().isZero();
    if (transactional) {
      ShortTransaction.setLocal(connection, "lock_timeout", settings.lockTimeout());
      if (boundStatements) {
        ShortTransaction.setLocal(connection, "statement_timeout", settings.statementTimeout());
      }
    } else if (!perStatement) {
      before.lockTimeout().set(connection, millis(settings.lockTimeout()));
    }
    LOG.info("{}: lock_timeout {}{} ({})", migration, DurationText.format(settings.lockTimeout()),
        boundStatements ? ", statement_timeout " + DurationText.format(settings.statementTimeout()) : "",
        transactional ? "SET LOCAL in the migration's transaction"
            : perStatement ? "SET before each statement of this non-transactional migration except concurrent ones, restored after it"
            : "SET for this non-transactional migration, restored after it");
  }

  /**
   * Before one statement of a non-transactional SQL migration: lock_timeout on for an ordinary
   * statement, the session's own value back for a concurrent one.
   */
  void beforeStatement(Connection connection, boolean concurrent) throws SQLException {
    Held before = held.get(connection);
    if (before == null || before.transactional()) {
      return;
    }
    if (concurrent) {
      before.lockTimeout().restore(connection);
    } else if (!before.lockTimeout().changed()) {
      before.lockTimeout().set(connection, millis(before.wanted()));
    }
  }

  /**
   * Puts the session values back. After a failed transactional migration there is nothing to do:
   * the rollback discards them, and any SQL in the aborted transaction would fail (25P02) and hide
   * the migration's own error. Never throws: a failure to restore is logged.
   */
  void restore(Connection connection, boolean failed) {
    Held before = held.remove(connection);
    if (before == null || (failed && before.transactional())) {
      return;
    }
    try {
      if (connection.isClosed()) {
        return;
      }
      if (before.transactional()) {
        // Also undoes a plain SET the migration itself made; inside the transaction it takes effect at commit.
        before.lockTimeout().putBack(connection);
        before.statementTimeout().putBack(connection);
      } else {
        before.lockTimeout().restoreIfDifferent(connection);
        before.statementTimeout().restoreIfDifferent(connection);
      }
    } catch (SQLException e) {
      LOG.error("{}: could not restore lock_timeout={} / statement_timeout={} on its connection ({}): later work on that"
          + " connection may keep flyway-zdm's timeouts", before.migration(), before.lockTimeout().original(),
          before.statementTimeout().original(), e.getMessage());
    }
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }
}
