package dev.flywayzdm.spring;

import dev.flywayzdm.callback.ZeroDowntimeMigrate;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.SoakGate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The migration strategy the starter installs: {@link ZeroDowntimeMigrate} (a migration that rolled
 * back on lock_timeout runs again after a backoff), and, in {@link SoakingContracts#DEFER} mode, a run
 * that stops before the first contract still inside its soak instead of failing the start-up.
 *
 * <p>Deferring: the pending contracts' soak gates are read; every migration ordered before the first
 * contract that may not run yet is applied (with a target just below it), and when that contract still
 * waits for its soak the application starts, with a WARN naming the gate, the deferred migrations and
 * how they are applied later (the next start once the soak is over, or {@code zdm:migrate}). An expand
 * applied in the same run with a soak of 0 lets its contract run at once. Gates that cannot open by
 * waiting (an expand that failed, is unknown, or comes after its contract) are not deferred: the full
 * migrate runs and the callback refuses it with its own explanation. With
 * {@code flyway.zdm.boot.apply-deferred-every} the {@link DeferredMigrationCheck} applies them later
 * in the running application.
 */
final class StartupMigration {

  private static final ZdmLog LOG = ZdmLog.of(StartupMigration.class);

  private final SoakingContracts mode;
  private final DeferredMigrationCheck check;

  StartupMigration(SoakingContracts mode, DeferredMigrationCheck check) {
    this.mode = mode;
    this.check = check;
  }

  /** The strategy: migrates, and hands a deferral to the background check (which does nothing unless switched on). */
  void migrate(Flyway flyway) {
    if (migrateOrDefer(flyway)) {
      check.watch(flyway, this);
    }
  }

  /**
   * Migrates as far as the soak gates allow.
   *
   * @return true when migrations were deferred
   */
  boolean migrateOrDefer(Flyway flyway) {
    if (mode == SoakingContracts.FAIL || !migratesToLatest(flyway.getConfiguration())) {
      migrateWithRetries(flyway);
      return false;
    }
    Set<String> expandsApplied = new HashSet<>();
    while (true) {
      Optional<ContractStatus> closed = firstClosedGate(flyway);
      if (closed.isEmpty()) {
        migrateWithRetries(flyway);
        return false;
      }
      ContractStatus gate = closed.get();
      boolean soaking = gate.expandState() == ContractStatus.ExpandState.APPLIED;
      boolean expandPending = gate.expandState() == ContractStatus.ExpandState.NOT_APPLIED
          && expandsApplied.add(gate.migration());
      if (!soaking && !expandPending) {
        migrateWithRetries(flyway); // refused by the callback, which says why this gate cannot open
        return false;
      }
      List<MigrationInfo> pending = Arrays.asList(flyway.info().pending());
      int contract = indexOf(pending, gate.migration());
      lastVersionBefore(pending, contract).ifPresent(version -> migrateWithRetries(withTarget(flyway, version)));
      if (soaking) {
        logDeferred(gate, pending.subList(contract, pending.size()));
        return true;
      }
      // The expand was pending: applied now, its gate is read again (a soak of 0 opens it at once).
    }
  }

  /** Whether the first pending contract whose gate is closed waits for its expand's soak. */
  boolean stillDeferred(Flyway flyway) {
    return firstClosedGate(flyway).map(gate -> gate.expandState() == ContractStatus.ExpandState.APPLIED).orElse(false);
  }

  private static Optional<ContractStatus> firstClosedGate(Flyway flyway) {
    return SoakGate.status(flyway, ZdmSettings.of(flyway.getConfiguration()).soak()).stream()
        .filter(gate -> !gate.mayRunNow()).findFirst();
  }

  private static void migrateWithRetries(Flyway flyway) {
    ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
    if (result.retries() > 0) {
      LOG.info("flyway-zdm: {} migrations applied after {} lock retries in {}", result.migrationsExecuted(),
          result.retries(), result.elapsed());
    }
  }

  private void logDeferred(ContractStatus gate, List<MigrationInfo> deferred) {
    LOG.warn("flyway-zdm: starting with {} migrations deferred ({}={}): {}. Deferred: {}. They are applied {} once the"
        + " soak is over{}, or by `mvn zdm:migrate` (any Flyway migrate with the flyway-zdm callback) from then on;"
        + " until then this release must not need them. Set {}=fail to refuse the start-up instead.", deferred.size(),
        SoakingContracts.KEY, SoakingContracts.DEFER.text(), gate.describe(),
        String.join(", ", deferred.stream().map(MigrationName::of).toList()), check.describe(),
        gate.mayRunFrom().map(from -> " (from " + from + ")").orElse(""), SoakingContracts.KEY);
  }

  /** Only a run to {@code latest} is cut short: a caller that set a target asked for that version. */
  private static boolean migratesToLatest(Configuration configuration) {
    MigrationVersion target = configuration.getTarget();
    return target == null || MigrationVersion.LATEST.equals(target);
  }

  private static int indexOf(List<MigrationInfo> pending, String migration) {
    for (int i = 0; i < pending.size(); i++) {
      if (MigrationName.of(pending.get(i)).equals(migration)) {
        return i;
      }
    }
    throw new IllegalStateException("flyway-zdm: contract " + migration + " is not among Flyway's pending migrations");
  }

  private static Optional<MigrationVersion> lastVersionBefore(List<MigrationInfo> pending, int contract) {
    MigrationVersion blocked = pending.get(contract).getVersion();
    return pending.subList(0, contract).stream().map(MigrationInfo::getVersion)
        .filter(version -> version != null && version.compareTo(blocked) < 0).reduce((first, second) -> second);
  }

  private static Flyway withTarget(Flyway flyway, MigrationVersion version) {
    return Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
        .target(version.getVersion()).load();
  }
}
