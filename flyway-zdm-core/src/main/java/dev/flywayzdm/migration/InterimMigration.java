package dev.flywayzdm.migration;

import dev.flywayzdm.config.ProjectSettings;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.internal.pg.LockedDdl;
import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** INTERIM stand-in for branch backfill's ZeroDowntimeMigration; deleted when that lands. */
abstract class InterimMigration extends BaseJavaMigration {

  private Configuration configuration;

  @Override
  public final boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public final void migrate(Context context) throws Exception {
    configuration = context.getConfiguration();
    Connection connection = context.getConnection();
    boolean autoCommit = connection.getAutoCommit();
    try {
      connection.setAutoCommit(true);
      apply(new LockedDdl(connection, settings(ProjectSettings.of(configuration)), getClass().getSimpleName()));
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  protected ZdmSettings settings(ZdmSettings projectDefaults) {
    return projectDefaults;
  }

  void requireFlywaySessionLock(LockedDdl run) {
    if (FlywayLockMode.transactionalLockOn(configuration)) {
      throw new IllegalStateException(FlywayLockMode.fixFor(run.name()));
    }
  }

  protected abstract void apply(LockedDdl run) throws Exception;
}
