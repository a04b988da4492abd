package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;

/** A {@link MigrationRun} outside Flyway, for tests of the internals that take one. */
public final class MigrationRuns {

  private MigrationRuns() {}

  public static MigrationRun of(String name, Connection connection, ZdmSettings settings) {
    return new MigrationRun(name, null, connection, settings);
  }
}
