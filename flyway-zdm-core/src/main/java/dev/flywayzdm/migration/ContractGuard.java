package dev.flywayzdm.migration;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.SoakGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * What a flyway-zdm Java migration checks before it changes anything: when its class declares
 * {@link Contract @Contract}, the soak gate the callback applies, evaluated on the migration's own
 * connection, without waiting. It protects the contract also when the callback is not registered
 * (plain Flyway, or a later {@code callbacks(...)} that replaced it). The verdict is the internal
 * {@link SoakGate}'s; turning it into a refusal is this public layer's.
 */
final class ContractGuard {

  private static final ZdmLog LOG = ZdmLog.of(ContractGuard.class);

  private ContractGuard() {}

  /**
   * @param connection the migration's connection (read only; nothing is changed on it)
   * @param name the migration's name for messages, e.g. {@code V9__contract_users_name}
   * @throws MigrationRefusedException when the contract may not run now, saying why and what to do
   * @throws SQLException when the schema history cannot be read
   */
  static void enforce(Connection connection, Configuration configuration, ZeroDowntimeMigration migration, String name)
      throws SQLException {
    Optional<ContractStatus> verdict;
    try {
      verdict = SoakGate.ofJavaContract(connection, configuration, migration, name,
          ZdmSettings.of(configuration).soak());
    } catch (IllegalArgumentException e) {
      throw new MigrationRefusedException("flyway-zdm: " + e.getMessage());
    }
    if (verdict.isEmpty()) {
      return;
    }
    ContractStatus status = verdict.get();
    boolean callback = ZeroDowntimeCallback.isRegistered(configuration);
    String unguarded = " The flyway-zdm callback is not registered on this Flyway (none configured, or a later"
        + " callbacks(...) replaced it), so this contract checked its soak gate itself; register"
        + " dev.flywayzdm.callback.ZeroDowntimeCallback (flyway.callbacks, or ZeroDowntimeCallback.forSpring() as a"
        + " Spring bean) so that every migration is guarded.";
    if (!status.mayRunNow()) {
      throw new MigrationRefusedException("flyway-zdm: " + status.describe() + (callback ? "" : "." + unguarded
          + " Nothing of " + name + " ran; if Flyway recorded this attempt as failed, remove that row (flyway repair)"
          + " before the next migrate."));
    }
    if (!callback) {
      LOG.warn("flyway-zdm: {}.{}", status.describe(), unguarded);
    }
  }
}
