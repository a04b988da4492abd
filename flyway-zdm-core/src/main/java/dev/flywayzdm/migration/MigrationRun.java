package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.pg.ShortTransaction;
import dev.flywayzdm.internal.pg.SideConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link ZeroDowntimeMigration}: its connection, its effective settings and the
 * safe ways to change the schema from it.
 *
 * <pre>{@code
 * run.ddl("adding column users.note", "\"users\"", "ALTER TABLE users ADD COLUMN note text");
 * }</pre>
 */
public final class MigrationRun {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

  private final String name;
  private final Configuration configuration;
  private final Connection connection;
  private final ZdmSettings settings;

  MigrationRun(String name, Configuration configuration, Connection connection, ZdmSettings settings) {
    this.name = name;
    this.configuration = configuration;
    this.connection = connection;
    this.settings = settings;
  }

  /** A unit of SQL work on the migration's connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Does the work on {@code connection}; the caller commits. */
    T run(Connection connection) throws SQLException;
  }

  /** The migration's name, e.g. {@code V7__add_index}. */
  public String name() {
    return name;
  }

  /** The migration's connection (autocommit on); do not close it. */
  public Connection connection() {
    return connection;
  }

  /** The Flyway configuration of this run. */
  public Configuration configuration() {
    return configuration;
  }

  /** The effective settings: the project's, with this migration's overrides. */
  public ZdmSettings settings() {
    return settings;
  }

  /** Logs one INFO line prefixed with the migration's name. */
  public void info(String message, Object... arguments) {
    if (LOG.isInfoEnabled()) {
      LOG.info(name + ": " + message, arguments);
    }
  }

  /**
   * Runs one statement in a short transaction with {@code SET LOCAL lock_timeout} (and
   * statement_timeout when set), retried with backoff while the lock is not granted.
   *
   * @param what what the statement does, for logs and errors ("adding column users.note")
   * @param quotedRelation the relation it locks, as SQL ({@code "sales"."orders"}); its lock holders are logged on each retry
   */
  public void ddl(String what, String quotedRelation, String sql) throws SQLException {
    transaction(what, quotedRelation, tx -> {
      try (Statement statement = tx.createStatement()) {
        statement.execute(sql);
      }
      return null;
    });
  }

  /** Like {@link #ddl} for several statements or queries that must commit together. */
  public <T> T transaction(String what, String quotedRelation, SqlWork<T> work) throws SQLException {
    return new LockRetry(settings).run(connection, name + ": " + what, quotedRelation,
        c -> ShortTransaction.run(c, settings.lockTimeout(), settings.statementTimeout(), work::run));
  }

  /**
   * Fails at once when Flyway holds its transactional lock: a step that waits for all older
   * transactions ({@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}) would wait for
   * Flyway's own open transaction forever.
   *
   * @throws IllegalStateException naming the setting that fixes it
   */
  public void requireFlywaySessionLock() {
    if (FlywayLockMode.transactionalLockOn(configuration)) {
      throw new IllegalStateException(FlywayLockMode.fixFor(name));
    }
  }

  /** The index builder for this run (flyway-zdm's own base classes share it). */
  ConcurrentIndexBuilder indexBuilder() {
    return new ConcurrentIndexBuilder(name, settings, SideConnection.from(configuration));
  }
}
