package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.FinishedMigrations;
import dev.flywayzdm.internal.history.MigrationDeclaration;
import dev.flywayzdm.internal.history.MigrationReader;
import dev.flywayzdm.internal.history.SchemaHistory;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The Flyway callback that makes a plain {@code flyway migrate} safe for a running application.
 *
 * <ul>
 *   <li>Every migration runs with {@code flyway.zdm.lockTimeout} ({@code SET LOCAL} in its
 *       transaction; {@code SET} and restored afterwards without one), so a blocked DDL statement
 *       fails after seconds instead of queueing every application query behind it. A migration that
 *       sets its own lock_timeout wins. Non-transactional flyway-zdm Java migrations set their own.
 *   <li>A {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ...
 *       CONCURRENTLY} or {@code DETACH PARTITION ... CONCURRENTLY} statement in a SQL migration
 *       waits for older transactions without that lock_timeout, bounded by
 *       {@code flyway.zdm.lockRetryMaxTotal}, with the sessions it waits for logged; an INVALID
   *       index a failed run of it left is dropped first ({@link ConcurrentStatements}).
 *   <li>A SQL statement that takes a table lock the application would queue behind ({@code ALTER TABLE},
 *       {@code CREATE INDEX}, {@code DROP TABLE}, {@code TRUNCATE}, ...) gets it first in short attempts of
 *       {@code flyway.zdm.lockAttemptTimeout} under a savepoint, retried with backoff within
 *       {@code flyway.zdm.lockRetryMaxTotal}, the sessions in the way named on each attempt
 *       ({@link StatementLockFirst}): so the application waits at most one short attempt, in every runner.
 *   <li>Before the run: the settings are validated, old transactions that would block migrations
 *       are logged, and a pending non-transactional migration under Flyway's transactional lock
 *       fails fast with the fix instead of hanging.
 *   <li>A contract migration ({@code @Contract}, {@code -- zdm:contract expand=5}) runs only when its
 *       expand has been live for the soak ({@link ContractSoakCheck}). After each versioned migration the
 *       callback records when it finished, by the database's clock, in {@code flyway_zdm_applied}
 *       beside the schema history table: the soak is measured from that record.
 *   <li>DROP TABLE / DROP COLUMN / RENAME / SET SCHEMA / ALTER COLUMN TYPE / TRUNCATE / DROP SCHEMA /
 *       DROP TYPE ... CASCADE in a SQL migration, also inside a {@code DO} block, a constant string given
 *       to {@code EXECUTE} or a routine created in the run and then called, are refused before the file
 *       runs unless it is a contract step or says {@code -- zdm:allow destructive <reason>}; so is
 *       dynamic SQL, which cannot be verified ({@link DestructiveStatementGuard}). Objects created earlier in the
 *       same run are new in the database and exempt; so are type changes that neither rewrite nor
 *       break readers.
 *   <li>Migrations up to the adoption point ({@code flyway.zdm.startAfter}, else recorded on the first
 *       run against the database, {@link AdoptionPoint}) run as plain Flyway runs them: no gate, no lint.
 *   <li>Each SQL migration is linted before it runs ({@code flyway.zdm.lint}: {@code off}, {@code warn}
 *       logs the findings, {@code fail} refuses a migration with error-level findings).
 * </ul>
 *
 * Register it like any callback, never by placing it under {@code db/callback}; as a Spring bean
 * through {@link #forSpring()}:
 * <pre>{@code
 * Flyway.configure().dataSource(ds).callbacks(new ZeroDowntimeCallback()).load().migrate();
 * // flyway.conf: flyway.callbacks=dev.flywayzdm.callback.ZeroDowntimeCallback
 * // Spring Boot: @Bean Callback zeroDowntime() { return ZeroDowntimeCallback.forSpring(); }
 * }</pre>
 */
public class ZeroDowntimeCallback implements Callback {

  private static final ZdmLog LOG = ZdmLog.of(ZeroDowntimeCallback.class);

  private final SessionTimeouts timeouts = new SessionTimeouts();
  private final ConcurrentStatements concurrent = new ConcurrentStatements();
  private final MigrationLint lint = new MigrationLint();
  private final DestructiveStatementGuard destructive = new DestructiveStatementGuard();
  /** Each run's adoption point (where flyway-zdm's rules begin), by its Flyway configuration. */
  private final Map<Configuration, AdoptionPoint> adoptions = new ConcurrentHashMap<>();
  private final StatementLockWaits lockWaits = new StatementLockWaits();
  private final StatementLockFirst lockFirst = new StatementLockFirst();

  /**
   * This callback in a form Spring (or any container that reflects over a bean's class) accepts on
   * every supported Flyway, 11.7.2 (Spring Boot 3.5) to 13.x: a {@link java.lang.reflect.Proxy} of
   * the {@link Callback} interface of the Flyway on the class path, delegating to a new
   * {@code ZeroDowntimeCallback}. Needed because this class, compiled against Flyway 11.14, has
   * bridge methods naming {@code CallbackEvent}, a type Flyway 11.7 lacks: Spring's look at its
   * methods fails there with {@code NoClassDefFoundError}. Flyway itself runs either form.
   * <pre>{@code
   * @Bean
   * Callback zeroDowntimeCallback() {
   *   return ZeroDowntimeCallback.forSpring();
   * }
   * }</pre>
   */
  public static Callback forSpring() {
    return CallbackProxy.of(new ZeroDowntimeCallback());
  }

  /**
   * Whether this callback is among the configuration's callbacks, directly, as the {@link #forSpring()}
   * proxy, or as a subclass or another class loader's copy of it. flyway-zdm's Java contract migrations
   * ask, to say so when they guard themselves without it.
   */
  public static boolean isRegistered(Configuration configuration) {
    Callback[] callbacks = configuration.getCallbacks();
    if (callbacks == null) {
      return false;
    }
    for (Callback callback : callbacks) {
      Object candidate = callback;
      if (callback != null && Proxy.isProxyClass(callback.getClass())
          && Proxy.getInvocationHandler(callback) instanceof CallbackProxy proxy) {
        candidate = proxy.target();
      }
      for (Class<?> type = candidate == null ? null : candidate.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getName().equals(ZeroDowntimeCallback.class.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public boolean supports(Event event, Context context) {
    // Called with a null context on 11.x and a context without connection on 13.x: decide on the event only.
    return event == Event.BEFORE_VALIDATE
        || event == Event.BEFORE_MIGRATE
        || event == Event.AFTER_MIGRATE
        || event == Event.AFTER_MIGRATE_ERROR
        || event == Event.BEFORE_EACH_MIGRATE
        || event == Event.BEFORE_EACH_MIGRATE_STATEMENT
        || event == Event.AFTER_EACH_MIGRATE_STATEMENT
        || event == Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR
        || event == Event.AFTER_EACH_MIGRATE
        || event == Event.AFTER_EACH_MIGRATE_ERROR;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      switch (event) {
        case BEFORE_VALIDATE -> beforeValidate(context);
        case BEFORE_MIGRATE -> beforeMigrate(context);
        case BEFORE_EACH_MIGRATE -> beforeEachMigrate(context);
        case BEFORE_EACH_MIGRATE_STATEMENT -> beforeStatement(context);
        case AFTER_EACH_MIGRATE_STATEMENT -> afterStatement(context, false);
        case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> afterStatement(context, true);
        case AFTER_EACH_MIGRATE -> afterEachMigrate(context, false);
        case AFTER_EACH_MIGRATE_ERROR -> afterEachMigrate(context, true);
        case AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> {
          lint.reset(context.getConfiguration());
          adoptions.remove(context.getConfiguration());
          destructive.runEnded(context.getConfiguration());
        }
        default -> {
          // not subscribed
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("flyway-zdm " + event + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new MigrationRefusedException("flyway-zdm: " + e.getMessage());
    }
  }

  @Override
  public String getCallbackName() {
    return "flyway-zdm";
  }

  /**
   * Migrate validates before {@code BEFORE_MIGRATE} fires: a failed run of a flyway-zdm migration
   * must be gone by then, or validation stops the rerun. A {@code flyway validate} of its own
   * changes nothing.
   */
  private void beforeValidate(Context context) throws SQLException {
    if (FlywayCommand.isMigrate() && context.getConnection() != null) {
      ResumableFailures.forget(context.getConnection(), context.getConfiguration());
    }
  }

  private void beforeMigrate(Context context) throws SQLException {
    Configuration configuration = context.getConfiguration();
    ZdmSettings settings = ZdmSettings.of(configuration);
    // Again here for validateOnMigrate=false: then migrate's own check of failed rows comes next.
    if (context.getConnection() != null) {
      ResumableFailures.forget(context.getConnection(), configuration);
    }
    lint.reset(configuration);
    if (settings.soak().isZero()) {
      LOG.warn("flyway-zdm: flyway.zdm.soak = 0: contract migrations run right after their expand, even in the same run."
          + " Fine for development and tests; in production the old application version may still be using what they remove.");
    }
    Optional<MigrationInfo[]> pending = PendingMigrations.list(configuration);
    PendingMigrations.failFastOnTransactionalLock(configuration, pending);
    PendingMigrations.checkDescriptions(configuration, pending);
    AdoptionPoint adoption = AdoptionPoint.resolve(context.getConnection(), configuration, settings);
    LOG.info("flyway-zdm: {}", adoption.describe());
    adoptions.put(configuration, adoption);
    destructive.runStarted(configuration);
    PreFlight.report(context.getConnection(), settings);
  }

  private void beforeEachMigrate(Context context) throws SQLException {
    Configuration configuration = context.getConfiguration();
    ZdmSettings settings = ZdmSettings.of(configuration);
    MigrationInfo info = context.getMigrationInfo();
    Connection connection = context.getConnection();
    String migration = MigrationName.of(info);
    boolean transactional = !connection.getAutoCommit();

    if (!transactional && FlywayLockMode.transactionalLockOn(configuration)) {
      throw new MigrationRefusedException(FlywayLockMode.fixFor(migration));
    }
    MigrationDeclaration declaration = MigrationReader.declaration(info, configuration);
    AdoptionPoint adoption = adoption(configuration);
    boolean governed = adoption.governs(info.getVersion());
    if (!governed) {
      LOG.debug("{}: predates flyway-zdm (up to {}): runs as plain Flyway runs it", migration,
          adoption.startAfter().map(Object::toString).orElse(""));
    }
    if (governed && declaration.contract().isPresent()) {
      ContractSoakCheck.refuseUntilSoaked(connection, configuration, info, declaration.contract().get(), settings.soak());
    }
    if (governed) {
      declaration.allowDestructiveReason().ifPresent(reason ->
          LOG.warn("{}: destructive statements allowed outside a contract step: {}", migration, reason));
    }
    destructive.migrationStarting(connection, configuration, info, governed && !allowsDestructive(declaration));
    lint.check(connection, configuration, info, transactional, settings, adoption);

    Optional<Class<?>> javaClass = MigrationReader.javaClass(info, configuration);
    if (!transactional && javaClass.map(MigrationReader::isFlywayZdmMigration).orElse(false)) {
      LOG.info("{}: runs without a transaction and sets its own timeouts per step", migration);
      return;
    }
    timeouts.apply(connection, migration, transactional, MigrationReader.isSql(info), settings);
  }

  private static boolean allowsDestructive(MigrationDeclaration declaration) {
    return declaration.isContract() || declaration.allowDestructiveReason().isPresent();
  }

  private void beforeStatement(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (connection == null || context.getStatement() == null) {
      return;
    }
    lockWaits.started(connection);
    MigrationInfo info = context.getMigrationInfo();
    destructive.statementStarting(connection, context.getConfiguration(), info, context.getStatement().getSql(),
        adoption(context.getConfiguration()).governs(info == null ? null : info.getVersion()));
    if (connection.getAutoCommit()) {
      String sql = context.getStatement().getSql();
      Optional<ConcurrentStatement> statement = ConcurrentStatement.of(sql);
      timeouts.beforeStatement(connection, statement.isPresent());
      if (statement.isPresent()) {
        Configuration configuration = context.getConfiguration();
        concurrent.before(connection, configuration, MigrationName.of(context.getMigrationInfo()), statement.get(),
            sql, ZdmSettings.of(configuration));
      }
    }
    lockFirst.before(connection, context.getConfiguration(), info, context.getStatement().getSql());
  }

  private void afterStatement(Context context, boolean failed) {
    if (failed) {
      lockWaits.failed(context);
    }
    lockWaits.ended(context.getConnection());
    concurrent.after(context.getConnection(), failed);
  }

  private void afterEachMigrate(Context context, boolean failed) {
    Connection connection = context.getConnection();
    destructive.migrationEnded(connection);
    lockWaits.ended(connection);
    if (!failed) {
      // Before the timeouts are restored: the record runs under the migration's lock_timeout (or its own).
      Configuration configuration = context.getConfiguration();
      new FinishedMigrations(SchemaHistory.of(configuration))
          .record(connection, context.getMigrationInfo(), ZdmSettings.of(configuration).lockTimeout());
    }
    concurrent.after(connection, failed);
    timeouts.restore(connection, failed);
  }

  /** The run's adoption point; every migration is under the rules when BEFORE_MIGRATE was not seen. */
  private AdoptionPoint adoption(Configuration configuration) {
    return adoptions.getOrDefault(configuration, AdoptionPoint.NONE);
  }
}
