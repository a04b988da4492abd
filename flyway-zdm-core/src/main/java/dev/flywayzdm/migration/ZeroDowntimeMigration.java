package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The base of every flyway-zdm Java migration: it runs outside Flyway's transaction, commits its
 * own short transactions, and takes its settings from the project's {@code flyway.zdm.*} keys with
 * optional overrides of its own.
 *
 * <p>Most users extend a ready-made subclass ({@link ConcurrentIndexMigration},
 * {@link BatchedBackfillMigration}, ...). A migration of your own looks like this:
 *
 * <pre>{@code
 * public class V8__orders_status_default extends ZeroDowntimeMigration {
 *   @Override
 *   protected ZdmSettings settings(ZdmSettings projectDefaults) {
 *     return projectDefaults.toBuilder().lockTimeout(Duration.ofMillis(500)).build();
 *   }
 *
 *   @Override
 *   protected void apply(MigrationRun run) throws SQLException {
 *     run.ddl("setting default of orders.status", "orders",
 *         "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new'");
 *   }
 * }
 * }</pre>
 *
 * A migration annotated {@link Contract @Contract} checks its soak gate ({@link ContractGuard#enforce})
 * before {@link #apply} runs, also when the flyway-zdm callback is not registered, and refuses
 * without changing anything while the expand has not soaked.
 *
 * <p>The migration's connection has autocommit on while {@link #apply} runs and gets its original
 * autocommit back afterwards, also on failure. Keep constructors cheap: Flyway instantiates
 * migrations more than once.
 */
public abstract class ZeroDowntimeMigration extends BaseJavaMigration {

  private static final ZdmLog LOG = ZdmLog.of(ZeroDowntimeMigration.class);

  /** Always false: flyway-zdm migrations commit step by step and must not sit in Flyway's transaction. */
  @Override
  public final boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public final void migrate(Context context) throws Exception {
    String name = migrationName();
    ZdmSettings settings = settings(ZdmSettings.of(context.getConfiguration()));
    if (settings == null) {
      throw new IllegalStateException(name + ": settings(ZdmSettings) returned null; return projectDefaults to keep them");
    }
    Connection connection = context.getConnection();
    // A contract guards itself: without the callback (not registered, or replaced by a later
    // callbacks(...)) nothing else would stop it from dropping what the old release still reads.
    ContractGuard.enforce(connection, context.getConfiguration(), this, name);
    boolean autoCommit = connection.getAutoCommit();
    MigrationRun run = new MigrationRun(name, context.getConfiguration(), connection, settings);
    long start = System.nanoTime();
    try {
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      apply(run);
      LOG.info("{}: done in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Flyway records the failure and, unless our callback removes that row, refuses the rerun: say how to go on.
      throw new MigrationFailedException(name, e, context.getConfiguration());
    } finally {
      if (connection.getAutoCommit() != autoCommit) {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * The settings this migration runs with. Override to change some of them for this migration
   * only, e.g. {@code projectDefaults.toBuilder().backfillBatchSize(5000).build()}.
   *
   * @param projectDefaults the project's {@code flyway.zdm.*} settings, or the defaults
   */
  protected ZdmSettings settings(ZdmSettings projectDefaults) {
    return projectDefaults;
  }

  /**
   * Checks what this migration was told to do (its builder's arguments) without touching the
   * database. The flyway-zdm callback calls it for every pending flyway-zdm migration before the
   * first migration of a run starts, so that a wrong argument stops the run before anything changed.
   *
   * @throws RuntimeException naming the migration and the argument, as the run itself would
   */
  public final void checkDescription() {
    checkDescription(migrationName());
  }

  /** The base classes build their description here; a migration of your own has nothing to check. */
  void checkDescription(String name) {
    // nothing described up front
  }

  /** Does the work, with autocommit on. Use the {@code run}'s helpers for anything that locks. */
  protected abstract void apply(MigrationRun run) throws Exception;

  /** The name used in logs and errors: the class's simple name, e.g. {@code V7__add_index}. */
  protected String migrationName() {
    return getClass().getSimpleName();
  }
}
