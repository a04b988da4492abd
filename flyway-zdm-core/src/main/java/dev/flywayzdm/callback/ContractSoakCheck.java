package dev.flywayzdm.callback;

import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.MigrationDeclaration;
import dev.flywayzdm.internal.history.SoakGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The callback's half of the soak gate: before a contract migration starts, the internal
 * {@link SoakGate}'s verdict, turned into a {@link MigrationRefusedException} while the expand has not
 * been live for the soak, and logged when it may run.
 */
final class ContractSoakCheck {

  private static final ZdmLog LOG = ZdmLog.of(ContractSoakCheck.class);

  private ContractSoakCheck() {}

  /**
   * @param projectSoak {@code flyway.zdm.soak}, for a contract that declares no soak of its own
   * @throws MigrationRefusedException when the contract may not run now, saying why
   */
  static void refuseUntilSoaked(Connection connection, Configuration configuration, MigrationInfo info,
      MigrationDeclaration.ContractOf contract, Duration projectSoak) throws SQLException {
    String migration = MigrationName.of(info);
    ContractStatus status = SoakGate.evaluate(connection, configuration, migration, info.getVersion(), contract,
        projectSoak, () -> SoakGate.allMigrations(configuration));
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
}
