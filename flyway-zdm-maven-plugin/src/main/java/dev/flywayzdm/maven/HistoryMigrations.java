package dev.flywayzdm.maven;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Which of the project's migration files the target database already ran, asked of Flyway itself
 * ({@code info()}) over the source directories, with the project's naming and placeholders: so
 * versions, repeatable checksums and failed runs count exactly as Flyway counts them. Changes nothing.
 */
final class HistoryMigrations {

  private HistoryMigrations() {}

  /**
   * The absolute, normalised paths of the files whose latest run succeeded and that are unchanged
   * since (a repeatable edited since is pending again; a failed one is pending).
   */
  static Set<Path> appliedFiles(ConnectionSettings connection, List<Path> directories, FlywayNaming naming) {
    FluentConfiguration configuration = Flyway.configure(HistoryMigrations.class.getClassLoader())
        .dataSource(connection.url(), connection.user().orElse(null), connection.password().orElse(null))
        .locations(directories.stream().map(d -> "filesystem:" + d.toAbsolutePath()).toArray(String[]::new))
        .failOnMissingLocations(false);
    if (!connection.schemas().isEmpty()) {
      configuration.schemas(connection.schemas().toArray(String[]::new));
    }
    connection.table().ifPresent(configuration::table);
    MigrationInfo[] all = naming.applyTo(configuration).load().info().all();
    Set<Path> applied = new HashSet<>();
    Set<Path> pending = new HashSet<>();
    for (MigrationInfo info : all) {
      String location = info.getPhysicalLocation();
      if (location == null || location.isEmpty()) {
        continue;
      }
      Path file = Path.of(location).toAbsolutePath().normalize();
      MigrationState state = info.getState();
      if (state == MigrationState.SUCCESS || state == MigrationState.OUT_OF_ORDER) {
        applied.add(file);
      } else if (state == MigrationState.PENDING || state == MigrationState.OUTDATED || state.isFailed()) {
        // an edited repeatable, or a run that failed: Flyway runs it (again), so it is linted
        pending.add(file);
      }
    }
    applied.removeAll(pending);
    return applied;
  }
}
