package dev.flywayzdm.callback;

import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.config.ProjectSettings;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.internal.pg.SessionInfo;
import dev.flywayzdm.lint.internal.engine.DestructiveStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *   <li>Before the run: the settings are validated, old transactions that would block migrations
 *       are logged, and a pending non-transactional migration under Flyway's transactional lock
 *       fails fast with the fix instead of hanging.
 *   <li>A contract migration ({@code @Contract}, {@code -- zdm:contract expand=5}) runs only when its
 *       expand has been live for the soak ({@link SoakGate}).
 *   <li>DROP TABLE / DROP COLUMN / RENAME / SET SCHEMA / ALTER COLUMN TYPE / TRUNCATE / DROP SCHEMA in a
 *       SQL migration, also inside a {@code DO} block, are refused unless it is a contract step or says
 *       {@code -- zdm:allow destructive <reason>}.
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

  private static final Logger LOG = LoggerFactory.getLogger(ZeroDowntimeCallback.class);

  private final SessionTimeouts timeouts = new SessionTimeouts();
  private final ConcurrentStatements concurrent = new ConcurrentStatements();
  /** Declarations of the migrations running now, by connection: statement events need them. */
  private final Map<Connection, MigrationDeclaration> running = new ConcurrentHashMap<>();
  private final MigrationLint lint = new MigrationLint();

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

  @Override
  public boolean supports(Event event, Context context) {
    // Called with a null context on 11.x and a context without connection on 13.x: decide on the event only.
    return event == Event.BEFORE_MIGRATE
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
        case BEFORE_MIGRATE -> beforeMigrate(context);
        case BEFORE_EACH_MIGRATE -> beforeEachMigrate(context);
        case BEFORE_EACH_MIGRATE_STATEMENT -> beforeStatement(context);
        case AFTER_EACH_MIGRATE_STATEMENT -> concurrent.after(context.getConnection(), false);
        case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> concurrent.after(context.getConnection(), true);
        case AFTER_EACH_MIGRATE -> afterEachMigrate(context, false);
        case AFTER_EACH_MIGRATE_ERROR -> afterEachMigrate(context, true);
        case AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> lint.reset(context.getConfiguration());
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

  private void beforeMigrate(Context context) throws SQLException {
    Configuration configuration = context.getConfiguration();
    ZdmSettings settings = ProjectSettings.of(configuration);
    lint.reset(configuration);
    if (settings.soak().isZero()) {
      LOG.warn("flyway-zdm: flyway.zdm.soak = 0: contract migrations run right after their expand, even in the same run."
          + " Fine for development and tests; in production the old application version may still be using what they remove.");
    }
    PendingMigrations.failFastOnTransactionalLock(configuration);
    reportOldTransactions(context.getConnection(), settings);
  }

  private void beforeEachMigrate(Context context) throws SQLException {
    Configuration configuration = context.getConfiguration();
    ZdmSettings settings = ProjectSettings.of(configuration);
    MigrationInfo info = context.getMigrationInfo();
    Connection connection = context.getConnection();
    String migration = MigrationName.of(info);
    boolean transactional = !connection.getAutoCommit();

    if (!transactional && FlywayLockMode.transactionalLockOn(configuration)) {
      throw new MigrationRefusedException(FlywayLockMode.fixFor(migration));
    }
    MigrationDeclaration declaration = MigrationReader.declaration(info, configuration);
    running.put(connection, declaration);
    if (declaration.contract().isPresent()) {
      soakGate(connection, configuration, migration, declaration.contract().get(), settings);
    }
    declaration.allowDestructiveReason().ifPresent(reason ->
        LOG.warn("{}: destructive statements allowed outside a contract step: {}", migration, reason));
    lint.check(connection, configuration, info, transactional, settings);

    Optional<Class<?>> javaClass = MigrationReader.javaClass(info, configuration);
    if (!transactional && javaClass.map(MigrationReader::isFlywayZdmMigration).orElse(false)) {
      LOG.info("{}: runs without a transaction and sets its own timeouts per step", migration);
      return;
    }
    timeouts.apply(connection, migration, transactional, MigrationReader.isSql(info), settings);
  }

  private void soakGate(Connection connection, Configuration configuration, String migration,
      MigrationDeclaration.ContractOf contract, ZdmSettings settings) throws SQLException {
    ContractStatus status = SoakGate.evaluate(connection, configuration, migration, contract, settings);
    if (!status.mayRunNow()) {
      throw new MigrationRefusedException("flyway-zdm: " + status.describe());
    }
    if (status.soak().isZero()) {
      LOG.warn("{}: SOAK IS 0: running the contract step right after expand {} - only acceptable outside production",
          migration, contract.expandVersion());
    } else {
      LOG.info("{}", status.describe());
    }
  }

  private void beforeStatement(Context context) throws SQLException {
    if (context.getStatement() == null) {
      return;
    }
    refuseDestructive(context);
    Connection connection = context.getConnection();
    if (connection.getAutoCommit()) {
      String sql = context.getStatement().getSql();
      Optional<ConcurrentStatement> statement = ConcurrentStatement.of(sql);
      timeouts.beforeStatement(connection, statement.isPresent());
      if (statement.isPresent()) {
        Configuration configuration = context.getConfiguration();
        concurrent.before(connection, configuration, MigrationName.of(context.getMigrationInfo()), statement.get(),
            sql, ProjectSettings.of(configuration));
      }
    }
  }

  private void refuseDestructive(Context context) {
    MigrationDeclaration declaration = running.getOrDefault(context.getConnection(), MigrationDeclaration.NONE);
    if (declaration.isContract() || declaration.allowDestructiveReason().isPresent()) {
      return;
    }
    String sql = context.getStatement().getSql();
    List<DestructiveStatements.Kind> destructive = DestructiveStatements.classify(sql);
    if (!destructive.isEmpty()) {
      String kinds = destructive.stream().map(DestructiveStatements.Kind::label).distinct().collect(Collectors.joining(", "));
      throw new MigrationRefusedException("flyway-zdm: " + MigrationName.of(context.getMigrationInfo()) + ": " + kinds
          + " outside a declared contract step: " + head(sql) + ". It breaks the application version still running"
          + " during a rolling deploy. Move it into a contract migration (-- zdm:contract expand=<version of the expand"
          + " migration>, or @Contract(expand = \"...\") in Java) or, if it is safe, say why in the migration's header:"
          + " -- zdm:allow destructive <reason>");
    }
  }

  private void afterEachMigrate(Context context, boolean failed) {
    Connection connection = context.getConnection();
    running.remove(connection);
    concurrent.after(connection, failed);
    timeouts.restore(connection, failed);
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
        LOG.warn("flyway-zdm pre-flight: transaction open longer than flyway.zdm.maxBlockerAge={}: {}; a migration that"
            + " needs a lock it holds will fail after lock_timeout {}", DurationText.format(settings.maxBlockerAge()),
            session.describe(), DurationText.format(settings.lockTimeout()));
      }
    } catch (SQLException e) {
      LOG.warn("flyway-zdm pre-flight: could not list open transactions: {}", e.getMessage());
    }
  }

  /** Flyway's own lock session (another Flyway run, or this one's transactional lock): not an application blocker. */
  private static boolean isFlywayLock(SessionInfo session) {
    return session.queryHead().contains("pg_try_advisory_xact_lock") || session.queryHead().contains("pg_advisory_xact_lock");
  }

  private static String head(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine) + "\"";
  }
}
