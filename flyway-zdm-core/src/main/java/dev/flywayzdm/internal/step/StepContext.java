package dev.flywayzdm.internal.step;

import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.LockRetry;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.SideConnection;
import dev.flywayzdm.internal.pg.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * One step of a migration as every engine sees it: the migration's name (prefixed to logs and
 * errors), its connection (autocommit on), its settings, the one way to take a lock (a short
 * transaction under lock_timeout, retried), second connections for watchers, and the checkpoint
 * table of batched work.
 */
public final class StepContext {

  /** The library's checkpoint table, beside Flyway's history table. */
  public static final String CHECKPOINT_TABLE = "flyway_zdm_backfill";

  private static final ZdmLog LOG = ZdmLog.of(StepContext.class);

  private final String name;
  private final Connection connection;
  private final Configuration configuration;
  private final StepSettings settings;

  public StepContext(String name, Connection connection, Configuration configuration, StepSettings settings) {
    this.name = name;
    this.connection = connection;
    this.configuration = configuration;
    this.settings = settings;
  }

  /** The migration's name, e.g. {@code V7__add_index}. */
  public String name() {
    return name;
  }

  public Connection connection() {
    return connection;
  }

  /** Flyway's configuration of this run (its data source, schemas and lock mode). */
  public Configuration configuration() {
    return configuration;
  }

  public StepSettings settings() {
    return settings;
  }

  /** Logs one INFO line prefixed with the migration's name. */
  public void info(String message, Object... arguments) {
    LOG.info(name + ": " + message, arguments);
  }

  /** One statement in a short transaction under lock_timeout (and statement_timeout), retried while the lock is not granted. */
  public void ddl(String what, String quotedRelation, String sql) throws SQLException {
    transaction(what, quotedRelation, tx -> {
      try (Statement statement = tx.createStatement()) {
        statement.execute(sql);
      }
      return null;
    });
  }

  /**
   * Like {@link #ddl} for work that must commit together; {@code quotedRelation}'s lock holders are logged on each retry.
   * Each try queues for its lock at most {@code lockAttemptTimeout}: the application waits behind one short
   * attempt, not a whole lock_timeout (the same short attempts the callback makes for SQL migrations).
   */
  public <T> T transaction(String what, String quotedRelation, SqlWork<T> work) throws SQLException {
    return new LockRetry(settings.ddlLocks()).inShortTransaction(connection, name + ": " + what, quotedRelation,
        settings.locks().statementTimeout(), work);
  }

  /**
   * Fails at once when Flyway holds its transactional lock: a step that waits for all older
   * transactions would wait for Flyway's own open transaction forever.
   */
  public void requireFlywaySessionLock() {
    if (FlywayLockMode.transactionalLockOn(configuration)) {
      throw new IllegalStateException(FlywayLockMode.fixFor(name));
    }
  }

  /** Second connections from Flyway's data source, for watching a long statement. */
  public SideConnection sideConnection() {
    return SideConnection.from(configuration);
  }

  /** The concurrent index builder of this step. */
  public ConcurrentIndexBuilder indexBuilder() {
    return new ConcurrentIndexBuilder(name, settings.locks(), sideConnection());
  }

  /** In Flyway's default schema, like its history table; unqualified (the current schema) when none is configured. */
  public QualifiedName checkpointTable() {
    return checkpointTable(configuration);
  }

  /** The checkpoint table of migrations run with this configuration (read by the Spring Boot starter's endpoint). */
  public static QualifiedName checkpointTable(Configuration configuration) {
    Optional<String> schema = Optional.ofNullable(configuration == null ? null : configuration.getDefaultSchema())
        .or(() -> Optional.ofNullable(configuration == null ? null : configuration.getSchemas())
            .filter(s -> s.length > 0).map(s -> s[0]));
    return new QualifiedName(schema.map(s -> Identifier.of("schema", s)), new Identifier(CHECKPOINT_TABLE));
  }
}
