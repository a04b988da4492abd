package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.LockBounds;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.step.StepSettings;
import dev.flywayzdm.internal.step.ThrottleSettings;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * One execution of a {@link ZeroDowntimeMigration}: its connection, its effective settings and the
 * safe ways to change the schema from it.
 *
 * <pre>{@code
 * run.ddl("adding column users.note", "users", "ALTER TABLE users ADD COLUMN note text");
 * }</pre>
 */
public final class MigrationRun {

  private final ZdmSettings settings;
  private final StepContext step;

  MigrationRun(String name, Configuration configuration, Connection connection, ZdmSettings settings) {
    this.settings = settings;
    this.step = new StepContext(name, connection, configuration, stepSettings(settings));
  }

  /** A unit of SQL work on the migration's connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Does the work on {@code connection}; the caller commits. */
    T run(Connection connection) throws SQLException;
  }

  /** The migration's name, e.g. {@code V7__add_index}. */
  public String name() {
    return step.name();
  }

  /** The migration's connection (autocommit on); do not close it. */
  public Connection connection() {
    return step.connection();
  }

  /** The Flyway configuration of this run. */
  public Configuration configuration() {
    return step.configuration();
  }

  /** The effective settings: the project's, with this migration's overrides. */
  public ZdmSettings settings() {
    return settings;
  }

  /** Logs one INFO line prefixed with the migration's name. */
  public void info(String message, Object... arguments) {
    step.info(message, arguments);
  }

  /**
   * Runs one statement in a short transaction with {@code SET LOCAL lock_timeout} (and
   * statement_timeout when set), retried with backoff while the lock is not granted.
   *
   * @param what what the statement does, for logs and errors ("adding column users.note")
   * @param table the table it locks, unquoted, optionally schema-qualified ({@code orders} or
   *     {@code sales.orders}); its lock holders are logged on each retry
   */
  public void ddl(String what, String table, String sql) throws SQLException {
    step.ddl(what, relation(table), sql);
  }

  /** Like {@link #ddl} for several statements or queries that must commit together. */
  public <T> T transaction(String what, String table, SqlWork<T> work) throws SQLException {
    return step.transaction(what, relation(table), work::run);
  }

  /**
   * Fails at once when Flyway holds its transactional lock: a step that waits for all older
   * transactions ({@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}) would wait for
   * Flyway's own open transaction forever.
   *
   * @throws IllegalStateException naming the setting that fixes it
   */
  public void requireFlywaySessionLock() {
    step.requireFlywaySessionLock();
  }

  /** What the engines run with (flyway-zdm's own base classes hand it down). */
  StepContext step() {
    return step;
  }

  private String relation(String table) {
    return QualifiedName.parse(name() + ": table", table).quoted();
  }

  /** The values the engines read, converted once from the public settings. */
  static StepSettings stepSettings(ZdmSettings settings) {
    return new StepSettings(new LockBounds(settings.lockTimeout(), settings.statementTimeout(), settings.lockRetries(),
        settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff(), settings.lockRetryMaxTotal()),
        settings.backfillBatchSize(), settings.backfillPause(), throttleSettings(settings), settings.lockAttemptTimeout());
  }

  /** What holds a backfill between batches, converted once from the public settings. */
  static ThrottleSettings throttleSettings(ZdmSettings settings) {
    return new ThrottleSettings(settings.backfillLockRetries(), settings.maxReplicaLag(), settings.maxReplicaLagBytes(),
        settings.backfillThrottleQuery(), settings.backfillMaxWait());
  }
}
