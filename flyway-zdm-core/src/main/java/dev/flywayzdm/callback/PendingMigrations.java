package dev.flywayzdm.callback;

import dev.flywayzdm.internal.flyway.FlywayInternals;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.migration.ZeroDowntimeMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import dev.flywayzdm.internal.logging.ZdmLog;

/** Questions about the migrations a run is about to apply, answered before the first one runs. */
final class PendingMigrations {

  private static final ZdmLog LOG = ZdmLog.of(PendingMigrations.class);

  private PendingMigrations() {}

  /**
   * The migrations this run will apply, read before the first one runs; empty (logged at debug)
   * when they cannot be listed, and then each migration is checked as it starts. A second Flyway
   * on the same configuration: info() fires no migrate events, so the callback is not re-entered;
   * it costs one classpath scan and one history read per run.
   */
  static Optional<MigrationInfo[]> list(Configuration configuration) {
    try {
      return Optional.of(Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().info().pending());
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("flyway-zdm: could not list pending migrations before the run ({}); checking each as it starts", e.toString());
      return Optional.empty();
    }
  }

  /**
   * Refuses the run when Flyway's transactional lock is on and a pending migration runs without a
   * transaction: its concurrent index build or validation would wait for Flyway's own open
   * transaction forever. {@link ZeroDowntimeCallback} re-checks each migration as it starts, so if
   * the pending list cannot be read here nothing is lost but time.
   */
  static void failFastOnTransactionalLock(Configuration configuration, Optional<MigrationInfo[]> pending) {
    if (!FlywayLockMode.transactionalLockOn(configuration) || pending.isEmpty()) {
      return;
    }
    List<String> nonTransactional = new ArrayList<>();
    for (MigrationInfo info : pending.get()) {
      // Unknown (a Flyway that changed its internals): checked as the migration starts instead.
      if (!FlywayInternals.executesInTransaction(info).orElse(true)) {
        nonTransactional.add(MigrationName.of(info));
      }
    }
    if (!nonTransactional.isEmpty()) {
      throw new MigrationRefusedException("flyway-zdm: " + FlywayLockMode.fixFor(String.join(", ", nonTransactional))
          + " Nothing was migrated.");
    }
  }

  /**
   * Checks the description of every pending flyway-zdm Java migration (its builder's arguments:
   * a backfill without {@code where}, an index without columns, a conversion without its
   * placeholder ...) before the first migration runs, so that a wrong argument stops the whole run
   * with nothing changed instead of failing halfway. What needs the catalog is checked by each
   * migration as it starts, before its first change: an earlier migration of the same run may
   * create the table it names.
   *
   * @throws MigrationRefusedException naming the migration and what is wrong with it
   */
  static void checkDescriptions(Configuration configuration, Optional<MigrationInfo[]> pending) {
    if (pending.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (MigrationInfo info : pending.get()) {
      Optional<ZeroDowntimeMigration> migration = instance(info, configuration);
      if (migration.isEmpty()) {
        continue;
      }
      try {
        migration.get().checkDescription();
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        String name = MigrationName.of(info);
        problems.add(message.startsWith(name) ? message : name + ": " + message);
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrationRefusedException("flyway-zdm: " + String.join("; ", problems)
          + ". Nothing was migrated: fix the migration and run the same migrate again.");
    }
  }

  /** The instance Flyway would run: the registered one (e.g. a Spring bean), else a new one as Flyway's scanner makes. */
  private static Optional<ZeroDowntimeMigration> instance(MigrationInfo info, Configuration configuration) {
    if (!ResumableFailures.isResumable(info.getScript(), configuration)) {
      return Optional.empty();
    }
    JavaMigration[] registered = configuration.getJavaMigrations() == null ? new JavaMigration[0] : configuration.getJavaMigrations();
    for (JavaMigration migration : registered) {
      if (migration.getClass().getName().equals(info.getScript()) && migration instanceof ZeroDowntimeMigration zdm) {
        return Optional.of(zdm);
      }
    }
    try {
      Class<?> type = Class.forName(info.getScript(), false, configuration.getClassLoader());
      if (!ZeroDowntimeMigration.class.isAssignableFrom(type)) {
        return Optional.empty();
      }
      return Optional.of((ZeroDowntimeMigration) type.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Flyway reports a class it cannot instantiate itself; nothing to check here.
      return Optional.empty();
    }
  }
}
