package dev.flywayzdm.callback;

import dev.flywayzdm.config.ProjectSettings;
import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The expand -> contract soak gate: a contract migration may run only once its expand migration
 * has been live ({@code installed_on + execution_time} in the schema history table) for the soak,
 * measured with the database's clock. {@link ZeroDowntimeCallback} enforces it before each contract
 * migration; {@link #status(Flyway)} reports it for every pending contract:
 *
 * <pre>{@code
 * for (ContractStatus contract : SoakGate.status(flyway)) {
 *   log.info(contract.describe());
 * }
 * }</pre>
 */
public final class SoakGate {

  private SoakGate() {}

  /**
   * The status of every pending contract migration of this Flyway, in the order Flyway would run
   * them. Reads the schema history on one connection of Flyway's data source.
   *
   * @throws FlywayException when the database cannot be read
   */
  public static List<ContractStatus> status(Flyway flyway) {
    Configuration configuration = flyway.getConfiguration();
    ZdmSettings settings = ProjectSettings.of(configuration);
    List<ContractStatus> statuses = new ArrayList<>();
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length == 0) {
      return statuses;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      for (MigrationInfo info : pending) {
        MigrationDeclaration declaration = MigrationReader.declaration(info, configuration);
        if (declaration.contract().isPresent()) {
          statuses.add(evaluate(connection, configuration, MigrationName.of(info), declaration.contract().get(), settings));
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("flyway-zdm: could not read the schema history table " + SchemaHistory.of(configuration)
          + " to compute the soak gate: " + e.getMessage(), e);
    }
    return statuses;
  }

  /** The gate's verdict for one contract, read on {@code connection} (safe inside a migration's transaction). */
  static ContractStatus evaluate(Connection connection, Configuration configuration, String migration,
      MigrationDeclaration.ContractOf contract, ZdmSettings settings) throws SQLException {
    Duration soak = contract.soak().orElse(settings.soak());
    SchemaHistory.DatabaseClock clock = SchemaHistory.clock(connection);
    Optional<SchemaHistory.Row> row = SchemaHistory.of(configuration).latest(connection, contract.expandVersion());
    if (row.isEmpty()) {
      return new ContractStatus(migration, contract.expandVersion(), Optional.empty(), ContractStatus.ExpandState.MISSING,
          Optional.empty(), soak, Optional.empty(), clock.now(), clock.timeZone());
    }
    SchemaHistory.Row expand = row.get();
    if (!expand.success()) {
      return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(expand.script()),
          ContractStatus.ExpandState.FAILED, Optional.empty(), soak, Optional.empty(), clock.now(), clock.timeZone());
    }
    return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(expand.script()),
        ContractStatus.ExpandState.APPLIED, Optional.of(expand.liveSince()), soak,
        Optional.of(expand.liveSince().plus(soak)), clock.now(), clock.timeZone());
  }
}
