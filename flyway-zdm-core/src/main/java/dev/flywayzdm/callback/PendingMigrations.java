package dev.flywayzdm.callback;

import dev.flywayzdm.internal.pg.FlywayLockMode;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Questions about the migrations a run is about to apply, answered before the first one runs. */
final class PendingMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(PendingMigrations.class);

  private PendingMigrations() {}

  /**
   * Refuses the run when Flyway's transactional lock is on and a pending migration runs without a
   * transaction: its concurrent index build or validation would wait for Flyway's own open
   * transaction forever. {@link ZeroDowntimeCallback} re-checks each migration as it starts, so if
   * the pending list cannot be read here nothing is lost but time.
   */
  static void failFastOnTransactionalLock(Configuration configuration) {
    if (!FlywayLockMode.transactionalLockOn(configuration)) {
      return;
    }
    List<String> nonTransactional = new ArrayList<>();
    try {
      // A second Flyway on the same configuration: info() fires no migrate events, so this
      // callback is not re-entered; it costs one classpath scan and one history read.
      MigrationInfo[] pending = Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().info().pending();
      for (MigrationInfo info : pending) {
        if (info instanceof MigrationInfoImpl impl && impl.getResolvedMigration() != null
            && !impl.getResolvedMigration().getExecutor().canExecuteInTransaction()) {
          nonTransactional.add(MigrationName.of(info));
        }
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("flyway-zdm: could not list pending migrations before the run ({}); checking each as it starts", e.toString());
      return;
    }
    if (!nonTransactional.isEmpty()) {
      throw new MigrationRefusedException("flyway-zdm: " + FlywayLockMode.fixFor(String.join(", ", nonTransactional))
          + " Nothing was migrated.");
    }
  }
}
