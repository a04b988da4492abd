package dev.flywayzdm.internal.history;

import dev.flywayzdm.internal.flyway.MigrationName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The expand -> contract soak gate: a contract migration may run only once its expand migration
 * has been live for the soak, measured with the database's clock alone. When the expand went live
 * is flyway-zdm's own record ({@code flyway_zdm_applied}, a {@code timestamptz} the callback writes
 * as the expand finishes); an expand applied without it (before flyway-zdm was installed) counts as
 * live from the latest instant its zone-less {@code installed_on + execution_time} can denote, read
 * in UTC-12. No JVM or session time zone enters the verdict. A soak of 0 lets a contract run as soon
 * as its expand is applied, also in the same {@code migrate}.
 *
 * <p>It only computes verdicts ({@link ContractStatus}); refusing is the public layer's job: the
 * callback before each contract migration, the Java contract migrations themselves, and
 * {@code zdm:status} / {@code zdm:migrate} report {@link #status} for every pending contract. The
 * project's soak ({@code flyway.zdm.soak}) is passed in, read by the caller from the settings.
 *
 * <pre>{@code
 * for (ContractStatus contract : SoakGate.status(flyway, settings.soak())) {
 *   log.info(contract.describe());
 * }
 * }</pre>
 */
public final class SoakGate {

  private static final ZdmLog LOG = ZdmLog.of(SoakGate.class);

  private SoakGate() {}

  /**
   * The status of every pending contract migration of this Flyway, in the order Flyway would run
   * them. Reads the schema history on one connection of Flyway's data source.
   *
   * @param projectSoak {@code flyway.zdm.soak}, for contracts that declare no soak of their own
   * @throws FlywayException when the database cannot be read
   */
  public static List<ContractStatus> status(Flyway flyway, Duration projectSoak) {
    Configuration configuration = flyway.getConfiguration();
    List<ContractStatus> statuses = new ArrayList<>();
    MigrationInfoService info = flyway.info();
    MigrationInfo[] pending = info.pending();
    Optional<MigrationInfo[]> all = Optional.of(info.all());
    if (pending.length == 0) {
      return statuses;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      for (MigrationInfo contract : pending) {
        MigrationDeclaration declaration = MigrationReader.declaration(contract, configuration);
        if (declaration.contract().isPresent()) {
          statuses.add(evaluate(connection, configuration, MigrationName.of(contract), contract.getVersion(),
              declaration.contract().get(), projectSoak, () -> all));
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("flyway-zdm: could not read the schema history table " + SchemaHistory.of(configuration)
          + " to compute the soak gate: " + e.getMessage(), e);
    }
    return statuses;
  }

  /**
   * The verdict for a flyway-zdm Java migration about to run, when its class declares
   * {@code @Contract}: the same gate the callback applies, evaluated on the migration's own connection,
   * without waiting. Empty when the class is no contract.
   *
   * @param connection the migration's connection (read only; nothing is changed on it)
   * @param name the migration's name for messages, e.g. {@code V9__contract_users_name}
   * @param projectSoak {@code flyway.zdm.soak}
   * @throws IllegalArgumentException when the {@code @Contract} is malformed
   * @throws SQLException when the schema history cannot be read
   */
  public static Optional<ContractStatus> ofJavaContract(Connection connection, Configuration configuration,
      JavaMigration migration, String name, Duration projectSoak) throws SQLException {
    MigrationDeclaration declaration = MigrationDeclaration.ofJava(migration.getClass());
    if (declaration.contract().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(evaluate(connection, configuration, name, migration.getVersion(), declaration.contract().get(),
        projectSoak, () -> allMigrations(configuration)));
  }

  /**
   * The gate's verdict for one contract, read on {@code connection} (safe inside a migration's
   * transaction).
   *
   * @param contractVersion the contract's own version, to tell an expand ordered after it
   * @param projectSoak {@code flyway.zdm.soak}, when the contract declares no soak of its own
   * @param migrations what Flyway knows (applied and resolved), asked only when the expand is not applied;
   *     empty when it could not be read
   */
  public static ContractStatus evaluate(Connection connection, Configuration configuration, String migration,
      MigrationVersion contractVersion, MigrationDeclaration.ContractOf contract, Duration projectSoak,
      Supplier<Optional<MigrationInfo[]>> migrations) throws SQLException {
    Duration soak = contract.soak().orElse(projectSoak);
    Instant now = SchemaHistory.now(connection);
    SchemaHistory history = SchemaHistory.of(configuration);
    Optional<SchemaHistory.Row> row = history.latest(connection, contract.expandVersion());
    if (row.isPresent() && !row.get().deleted()) {
      SchemaHistory.Row expand = row.get();
      if (!expand.success()) {
        return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(expand.script()),
            ContractStatus.ExpandState.FAILED, Optional.of("Failed"), Optional.empty(), false, soak, now);
      }
      Optional<Instant> recorded = new FinishedMigrations(history).finishedAt(connection, expand);
      return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(expand.script()),
          ContractStatus.ExpandState.APPLIED, Optional.empty(),
          Optional.of(recorded.orElse(expand.latestPossibleFinish())), recorded.isPresent(), soak, now);
    }
    Optional<SchemaHistory.Row> baseline = history.baselineCovering(connection, contract.expandVersion());
    if (baseline.isPresent()) {
      // Below the baseline: never run here, its result was already in the database at the baseline.
      return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(baseline.get().script()),
          ContractStatus.ExpandState.APPLIED, Optional.empty(), Optional.of(baseline.get().latestPossibleFinish()), false,
          soak, now);
    }
    MigrationVersion expandVersion = MigrationVersion.fromVersion(contract.expandVersion());
    Optional<MigrationInfo[]> all = migrations.get();
    Optional<MigrationInfo> known = all.flatMap(infos -> Arrays.stream(infos)
        .filter(info -> expandVersion.equals(info.getVersion())).reduce((first, second) -> second));
    if (all.isEmpty()) {
      return new ContractStatus(migration, contract.expandVersion(), Optional.empty(), ContractStatus.ExpandState.NOT_APPLIED,
          Optional.empty(), Optional.empty(), false, soak, now);
    }
    if (known.isEmpty()) {
      return new ContractStatus(migration, contract.expandVersion(), Optional.empty(), ContractStatus.ExpandState.UNKNOWN,
          Optional.empty(), Optional.empty(), false, soak, now);
    }
    boolean afterContract = contractVersion != null && expandVersion.compareTo(contractVersion) >= 0;
    return new ContractStatus(migration, contract.expandVersion(), Optional.ofNullable(known.get().getScript()),
        afterContract ? ContractStatus.ExpandState.AFTER_CONTRACT : ContractStatus.ExpandState.NOT_APPLIED,
        Optional.of(known.get().getState().getDisplayName()), Optional.empty(), false, soak, now);
  }

  /**
   * Every migration Flyway knows for this configuration, through a second Flyway on it (info() fires
   * no migrate events, so the callback is not re-entered). Asked only to explain an expand that is
   * not applied; if it cannot be read the refusal still stands, just with less detail.
   */
  public static Optional<MigrationInfo[]> allMigrations(Configuration configuration) {
    try {
      return Optional.of(Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().info().all());
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("flyway-zdm: could not list Flyway's migrations to explain a missing expand: {}", e.toString());
      return Optional.empty();
    }
  }
}
