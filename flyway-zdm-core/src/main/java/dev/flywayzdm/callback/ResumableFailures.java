package dev.flywayzdm.callback;

import dev.flywayzdm.internal.history.MigrationReader;
import dev.flywayzdm.internal.history.SchemaHistory;
import dev.flywayzdm.migration.ZeroDowntimeMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Forgets the failed runs of flyway-zdm's own migrations, so that running the same {@code migrate}
 * again continues them without {@code flyway repair}.
 *
 * <p>With the session lock flyway-zdm requires ({@code postgresql.transactional.lock=false}),
 * Flyway records a migration that threw as {@code success=false}, and every later {@code migrate}
 * stops at validation until someone runs {@code repair}. For a migration extending
 * {@link ZeroDowntimeMigration} that row says nothing worth keeping: every such migration is built
 * to be run again (each step is idempotent, a backfill resumes from its checkpoint, an invalid
 * index is dropped and built again), and the rerun writes the row Flyway would have written. So
 * the row is deleted before Flyway validates, with a WARN line naming it and why. The same holds
 * for a SQL file whose one statement is a {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX
 * CONCURRENTLY} or {@code REINDEX ... CONCURRENTLY}: the statement failed, so nothing of it
 * completed, and {@link ConcurrentStatements} drops the invalid leftover before it runs again.
 * Failed rows of other SQL migrations and of other Java migrations are left alone: their partial
 * effects are unknown, and deciding about them is the user's ({@code repair}).
 */
final class ResumableFailures {

  private static final ZdmLog LOG = ZdmLog.of(ResumableFailures.class);

  /** One failed row of the schema history. */
  record FailedRun(int installedRank, String version, String script) {}

  private ResumableFailures() {}

  /**
   * Deletes the {@code success=false} history rows of flyway-zdm migrations, logging each.
   *
   * @return the rows deleted
   */
  static List<FailedRun> forget(Connection connection, Configuration configuration) throws SQLException {
    SchemaHistory history = SchemaHistory.of(configuration);
    if (!history.exists(connection)) {
      return List.of();
    }
    List<FailedRun> forgotten = new ArrayList<>();
    List<FailedRun> failedRuns = failedRuns(connection, history);
    Map<String, MigrationInfo> sqlMigrations = failedRuns.stream().anyMatch(f -> isSqlScript(f.script()))
        && ZeroDowntimeCallback.isRegistered(configuration)
        ? sqlMigrationsByScript(configuration) : Map.of();
    for (FailedRun failed : failedRuns) {
      // Only the callback drops the invalid leftover before the statement runs again.
      boolean resumable = isSqlScript(failed.script())
          ? ZeroDowntimeCallback.isRegistered(configuration)
              && isRerunnableSql(sqlMigrations.get(failed.script()), configuration)
          : isResumable(failed.script(), configuration);
      if (!resumable) {
        continue;
      }
      String delete = "DELETE FROM " + history + " WHERE installed_rank = ? AND NOT success";
      try (PreparedStatement statement = connection.prepareStatement(delete)) {
        statement.setInt(1, failed.installedRank());
        if (statement.executeUpdate() == 1) {
          forgotten.add(failed);
          LOG.warn("flyway-zdm: removed the failed run of {} (version {}) from {} so that this migrate continues it:"
              + " {}; no flyway repair is needed",
              simpleName(failed.script()), failed.version(), history, isSqlScript(failed.script())
                  ? "its one statement is a concurrent index statement that failed, so none of it completed, and its"
                      + " invalid leftover is dropped before it runs again"
                  : "it is a flyway-zdm migration, built to be run again after any failure (each step is idempotent"
                      + " and resumes where the last run stopped)");
        }
      }
    }
    return forgotten;
  }

  /**
   * The same, on a connection of its own from Flyway's data source (for runners that call Flyway
   * without this callback having a connection yet, such as {@link ZeroDowntimeMigrate}).
   */
  static List<FailedRun> forget(Configuration configuration) {
    if (configuration.getDataSource() == null) {
      return List.of();
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return forget(connection, configuration);
      } finally {
        if (!autoCommit) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      LOG.warn("flyway-zdm: could not look for failed runs of flyway-zdm migrations ({}); a failed one needs"
          + " flyway repair before the next migrate", e.getMessage());
      return List.of();
    }
  }

  private static boolean isSqlScript(String script) {
    return script != null && script.endsWith(".sql");
  }

  /** The SQL migrations Flyway resolves, by script; empty when they cannot be listed (the rows are then kept). */
  private static Map<String, MigrationInfo> sqlMigrationsByScript(Configuration configuration) {
    try {
      Map<String, MigrationInfo> byScript = new HashMap<>();
      for (MigrationInfo info : Flyway.configure(configuration.getClassLoader()).configuration(configuration).load()
          .info().all()) {
        if (isSqlScript(info.getScript())) {
          byScript.putIfAbsent(info.getScript(), info);
        }
      }
      return byScript;
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("flyway-zdm: could not list the SQL migrations ({}); their failed runs are kept", e.toString());
      return Map.of();
    }
  }

  /**
   * A SQL file that is exactly one concurrent index statement (not {@code DETACH PARTITION ...
   * CONCURRENTLY}: an interrupted detach stays pending and the same statement fails again).
   */
  static boolean isRerunnableSql(MigrationInfo info, Configuration configuration) {
    if (info == null) {
      return false;
    }
    try {
      return MigrationReader.sqlText(info, configuration)
          .flatMap(ConcurrentStatement::of)
          .filter(statement -> !statement.kind().startsWith("DETACH"))
          .isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the script names a Java migration whose class extends {@link ZeroDowntimeMigration}. */
  static boolean isResumable(String script, Configuration configuration) {
    if (script == null || script.endsWith(".sql")) {
      return false;
    }
    Optional<Class<?>> registered = Arrays.stream(Optional.ofNullable(configuration.getJavaMigrations())
            .orElse(new JavaMigration[0]))
        .<Class<?>>map(Object::getClass)
        .filter(type -> type.getName().equals(script))
        .findFirst();
    Optional<Class<?>> type = registered.or(() -> load(script, configuration.getClassLoader()))
        .or(() -> load(script, Thread.currentThread().getContextClassLoader()));
    return type.map(c -> isZeroDowntimeMigration(c)).orElse(false);
  }

  /** By name, not by class identity: Flyway's class loader may have loaded flyway-zdm a second time. */
  private static boolean isZeroDowntimeMigration(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(ZeroDowntimeMigration.class.getName())) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Class<?>> load(String name, ClassLoader loader) {
    if (loader == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static List<FailedRun> failedRuns(Connection connection, SchemaHistory history) throws SQLException {
    List<FailedRun> failed = new ArrayList<>();
    String sql = "SELECT installed_rank, coalesce(version, ''), script FROM " + history
        + " WHERE NOT success ORDER BY installed_rank";
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        failed.add(new FailedRun(rows.getInt(1), rows.getString(2), rows.getString(3)));
      }
    }
    return failed;
  }

  private static String simpleName(String script) {
    return script.substring(Math.max(script.lastIndexOf('.'), script.lastIndexOf('$')) + 1);
  }
}
