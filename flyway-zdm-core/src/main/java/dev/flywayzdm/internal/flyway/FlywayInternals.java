package dev.flywayzdm.internal.flyway;

import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * The one place flyway-zdm touches Flyway's internal classes ({@code org.flywaydb.core.internal}),
 * for three facts Flyway's public API does not give on any supported version (11.7 to 13.x):
 *
 * <ul>
 *   <li>whether a pending migration will run in a transaction: {@link MigrationInfo} has no
 *       {@code canExecuteInTransaction}, only the resolved migration's executor behind
 *       {@code MigrationInfoImpl} knows;
 *   <li>whether a failed {@code migrate()} failed in a migration that ran in a transaction, and how many
 *       migrations it applied before: {@code migrate()} throws {@code FlywayMigrateException}, whose
 *       {@code MigrateErrorResult} (a public type) is reachable only through it;
 *   <li>the SQL statement that failed: {@code FlywaySqlScriptException#getStatement()}.
 * </ul>
 *
 * Every answer is optional: when a Flyway version changes these classes, flyway-zdm loses a fast
 * check or a detail of a message, never correctness ({@code LinkageError} and {@code RuntimeException}
 * are caught). {@code FlywayInternalsTest} runs on every Flyway version of the build matrix.
 */
public final class FlywayInternals {

  private FlywayInternals() {}

  /** Whether the pending migration will run in a transaction; empty when Flyway does not say. */
  public static Optional<Boolean> executesInTransaction(MigrationInfo info) {
    try {
      if (info instanceof MigrationInfoImpl impl && impl.getResolvedMigration() != null) {
        return Optional.of(impl.getResolvedMigration().getExecutor().canExecuteInTransaction());
      }
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code failure}, thrown by {@code migrate()}, comes from a migration that ran in a
   * transaction (and so rolled back completely); false when it is no migration failure or Flyway does not say.
   */
  public static boolean failedInTransaction(Throwable failure) {
    try {
      return failure instanceof FlywayMigrateException migrate && migrate.isExecutableInTransaction();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** How many migrations the failed {@code migrate()} applied before it failed; 0 when Flyway does not say. */
  public static int migrationsExecutedBefore(Throwable failure) {
    try {
      if (failure instanceof FlywayMigrateException migrate && migrate.getErrorResult() != null) {
        return migrate.getErrorResult().migrationsExecuted;
      }
      return 0;
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /** The SQL statement that failed, anywhere in the cause chain; empty when Flyway does not say. */
  public static Optional<String> failedStatement(Throwable failure) {
    try {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof FlywaySqlScriptException script && script.getStatement() != null) {
          return Optional.of(script.getStatement());
        }
      }
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }
}
