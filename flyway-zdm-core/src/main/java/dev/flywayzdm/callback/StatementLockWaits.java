package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.settings.DurationText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.api.callback.Context;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Names who held the locks a failed SQL statement waited for. Flyway hands callbacks no SQLSTATE
 * on PostgreSQL, so a lock wait is told by the statement's duration: this remembers when each
 * connection's statement started.
 */
final class StatementLockWaits {

  private static final ZdmLog LOG = ZdmLog.of(StatementLockWaits.class);

  /** When the running statement of each SQL migration started, by connection. */
  private final Map<Connection, Long> starts = new ConcurrentHashMap<>();

  void started(Connection connection) {
    starts.put(connection, System.nanoTime());
  }

  void ended(Connection connection) {
    if (connection != null) {
      starts.remove(connection);
    }
  }

  /**
   * A statement of a SQL migration failed after waiting at least lock_timeout: names who held or
   * awaited locks on the tables it names, while they still do (Flyway alone reports only the bare
   * 55P03). Flyway hands callbacks no SQLSTATE on PostgreSQL, so the statement's duration tells a
   * lock wait from an instant error. Looked up on a connection of its own: the migration's
   * transaction is aborted and must not run SQL.
   */
  void failed(Context context) {
    org.flywaydb.core.api.callback.Statement statement = context.getStatement();
    Long started = starts.get(context.getConnection());
    if (statement == null || statement.getSql() == null || started == null) {
      return;
    }
    Duration lockTimeout = ZdmSettings.of(context.getConfiguration()).lockTimeout();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (lockTimeout.isZero() || took.compareTo(lockTimeout) < 0) {
      return;
    }
    String migration = context.getMigrationInfo() == null ? "flyway-zdm" : MigrationName.of(context.getMigrationInfo());
    String head = StatementText.command(statement.getSql());
    try {
      StatementLockers.Lockers lockers = StatementLockers.lookUp(context.getConfiguration(), statement.getSql(),
          StatementLockers.backendPid(context.getConnection()));
      LOG.warn("{}: {} failed after {} ms, at least lock_timeout {}: the locks it waited for were {}", migration, head,
          took.toMillis(), DurationText.format(lockTimeout), lockers.describe());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("{}: {} failed after {} ms, at least lock_timeout {}; could not look up who holds its locks: {}", migration,
          head, took.toMillis(), DurationText.format(lockTimeout), e.getMessage());
    }
  }

}
