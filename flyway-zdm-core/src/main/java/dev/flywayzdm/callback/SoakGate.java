package dev.flywayzdm.callback;

import dev.flywayzdm.config.ProjectSettings;
import dev.flywayzdm.config.ZdmSettings;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expand -> contract soak gate: a contract migration may run only once its expand migration
 * has been live for the soak, measured with the database's clock alone. When the expand went live
 * is flyway-zdm's own record ({@code flyway_zdm_applied}, a {@code timestamptz} the callback writes
 * as the expand finishes); an expand applied without it (before flyway-zdm was installed) counts as
 * live from the latest instant its zone-less {@code installed_on + execution_time} can denote, read
 * in UTC-12. No JVM or session time zone enters the verdict. A soak of 0 lets a contract run as soon
 * as its expand is applied, also in the same {@code migrate}.
 *
 * <p>{@link ZeroDowntimeCallback} enforces it before each contract migration, flyway-zdm's Java
 * contract migrations enforce it themselves too ({@link #enforce}), and {@link #status(Flyway)}
 * reports it for every pending contract:
 *
 * <pre>{@code
 * for (ContractStatus contract : SoakGate.status(flyway)) {
 *   log.info(contract.describe());
 * }
 * }</pre>
 */
public final class SoakGate {

  private static final Logger LOG = LoggerFactory.getLogger(SoakGate.class);

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
              declaration.contract().get(), settings, () -> all));
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("flyway-zdm: could not read the schema history table " + SchemaHistory.of(configuration)
          + " to compute the soak gate: " + e.getMessage(), e);
    }
    return statuses;
  }

  /**
   * What a flyway-zdm Java migration checks before it changes anything: when its class declares
   * {@link dev.flywayzdm.migration.Contract @Contract}, the same gate the callback applies, evaluated
   * on the migration's own connection, without waiting. It protects the contract also when the
   * callback is not registered (plain Flyway, or a later {@code callbacks(...)} that replaced it).
   *
   * @param connection the migration's connection (read only; nothing is changed on it)
   * @param name the migration's name for messages, e.g. {@code V9__contract_users_name}
   * @throws MigrationRefusedException when the contract may not run now, saying why and what to do
   * @throws SQLException when the schema history cannot be read
   */
  public static void enforce(Connection connection, Configuration configuration, JavaMigration migration, String name)
      throws SQLException {
    MigrationDeclaration declaration;
    try {
      declaration = MigrationDeclaration.ofJava(migration.getClass());
    } catch (IllegalArgumentException e) {
      throw new MigrationRefusedException("flyway-zdm: " + e.getMessage());
    }
    if (declaration.contract().isEmpty()) {
      return;
    }
    boolean callback = ZeroDowntimeCallback.isRegistered(configuration);
    ContractStatus status = evaluate(connection, configuration, name, migration.getVersion(),
        declaration.contract().get(), ProjectSettings.of(configuration), () -> allMigrations(configuration));
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

  /**
   * The gate's verdict for one contract, read on {@code connection} (safe inside a migration's
   * transaction).
   *
   * @param contractVersion the contract's own version, to tell an expand ordered after it
   * @param migrations what Flyway knows (applied and resolved), asked only when the expand is not applied;
   *     empty when it could not be read
   */
  static ContractStatus evaluate(Connection connection, Configuration configuration, String migration,
      MigrationVersion contractVersion, MigrationDeclaration.ContractOf contract, ZdmSettings settings,
      Supplier<Optional<MigrationInfo[]>> migrations) throws SQLException {
    Duration soak = contract.soak().orElse(settings.soak());
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
  static Optional<MigrationInfo[]> allMigrations(Configuration configuration) {
    try {
      return Optional.of(Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().info().all());
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("flyway-zdm: could not list Flyway's migrations to explain a missing expand: {}", e.toString());
      return Optional.empty();
    }
  }
}
